#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps descriptors 0, 1 and 2 from being reused by files the run opens.
enum StandardDescriptors {
    /// Opens /dev/null onto each of 0, 1 and 2 that is closed, in the direction that fails: stdin
    /// write-only and stdout, stderr read-only, so reading a closed stdin or writing to a closed
    /// stdout still fails ("Bad file descriptor") and is reported as before, and no file the run
    /// opens can land on them. Call it first, before anything else opens a file.
    static func reopenClosed() {
        for fd in Int32(0)...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            // open returns the lowest free descriptor: `fd` itself, as the lower ones are open.
            let opened = open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY)
            if opened >= 0 && opened != fd {
                _ = dup2(opened, fd)
                _ = close(opened)
            }
        }
    }
}
