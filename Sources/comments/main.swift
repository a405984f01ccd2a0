#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Before anything opens a file: a closed stdin, stdout or stderr would otherwise be taken by the
// next file opened (an output file would receive the warnings meant for stderr).
StandardDescriptors.reopenClosed()
exit(CommentsCommand.run(Array(CommandLine.arguments.dropFirst())))
