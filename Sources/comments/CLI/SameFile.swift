import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a path names, to tell when two command-line paths are the same file: an existing regular
/// file by device and inode (through symbolic links), anything missing by its absolute path with
/// the folders above it and any symbolic links resolved.
enum FileIdentity: Hashable {
    case inode(device: UInt64, inode: UInt64)
    case path(String)
    /// A device, FIFO, socket or folder: several outputs may share it (`/dev/null` twice).
    case shareable

    init(_ path: String) {
        var info = stat()
        if stat(path, &info) == 0 {
            self =
                info.st_mode & S_IFMT == S_IFREG
                ? .inode(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)) : .shareable
        } else {
            self = .path(Self.resolved(path))
        }
    }

    /// `path` made absolute, its existing folders and symbolic links (broken ones too) resolved.
    static func resolved(_ path: String, depth: Int = 0) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let url = URL(fileURLWithPath: absolute).standardized
        let parent = url.deletingLastPathComponent().path
        var folder = parent
        if let real = realpath(parent, nil) {
            folder = String(cString: real)
            free(real)
        }
        let joined = (folder.hasSuffix("/") ? folder : folder + "/") + url.lastPathComponent
        guard depth < 16, let target = try? FileManager.default.destinationOfSymbolicLink(atPath: joined) else {
            return joined
        }
        return resolved(target.hasPrefix("/") ? target : folder + "/" + target, depth: depth + 1)
    }
}

enum SameFile {
    /// A usage error when two of `outputs` (option name, path) are the same file, or one of them is
    /// one of `inputs`: writing would mix the outputs, or replace an input while it is read.
    /// `-` (stdout) is left to the caller.
    static func check(outputs: [(option: String, path: String)], inputs: [String], command: String) throws {
        var inputNames: [FileIdentity: String] = [:]
        for input in inputs where input != "-" {
            let identity = FileIdentity(input)
            if identity != .shareable, inputNames[identity] == nil { inputNames[identity] = input }
        }
        var outputNames: [FileIdentity: String] = [:]
        for (option, path) in outputs where path != "-" {
            let identity = FileIdentity(path)
            guard identity != .shareable else { continue }
            if let input = inputNames[identity] {
                throw UsageError(
                    message: "\(option) \(path) is the input \(input); writing there would replace it", command: command
                )
            }
            if let other = outputNames[identity] {
                throw UsageError(
                    message: "\(option) \(path) is the same file as \(other); give each output a file of its own",
                    command: command)
            }
            outputNames[identity] = "\(option) \(path)"
        }
    }
}
