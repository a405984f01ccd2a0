/// The documented exit codes (README "Exit codes").
enum ExitCode: Int32 {
    /// Every input was analysed.
    case success = 0
    /// At least one input could not be read or analysed (the others were), or stdout lost output.
    case someInputFailed = 1
    /// The command line was wrong: unknown option, bad value, missing input.
    case usage = 2
    /// Stopped by Ctrl-C (128 + SIGINT); what was written is complete up to the last row.
    case interrupted = 130
}
