#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

exit(CommentsCommand.run(Array(CommandLine.arguments.dropFirst())))
