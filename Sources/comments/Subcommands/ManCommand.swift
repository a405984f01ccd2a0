/// `comments man`: the manual page (man(7) macros) generated from the command specs;
/// `comments man > comments.1`, then `man -l comments.1`.
enum ManCommand {
    static let spec = CommandSpec(
        name: "man",
        abstract: "Print the manual page (roff); save it as comments.1 and read it with man -l comments.1.")

    static func run(_ arguments: [String]) throws -> ExitCode {
        _ = try ArgumentParser.parse(arguments, spec: spec)
        Output.write(ManPage.render(root: CommentsCommand.spec, commands: CommentsCommand.subcommands.map(\.spec)))
        return .success
    }
}

/// A man(7) page from ``CommandSpec``s.
enum ManPage {
    static func render(root: CommandSpec, commands: [CommandSpec]) -> String {
        var out = """
            .TH COMMENTS 1 "" "comments \(Version.current)" "User Commands"
            .SH NAME
            comments \\- \(escape(root.abstract))
            .SH SYNOPSIS
            .B comments
            .I subcommand
            .RI [ options ]
            .I input ...
            .SH DESCRIPTION

            """
        out += root.discussion.map { escape($0) }.joined(separator: "\n.PP\n") + "\n"
        out += ".SH COMMANDS\n"
        for command in commands {
            out += ".SS \"\(escape(command.usage, quoted: true))\"\n\(escape(command.abstract))\n"
            for paragraph in command.discussion { out += ".PP\n\(escape(paragraph))\n" }
            for argument in command.arguments {
                out += ".TP\n.I \"\(escape(argument.label, quoted: true))\"\n\(escape(argument.help))\n"
            }
            for option in command.allOptions {
                out += ".TP\n.B \"\(escape(option.label, quoted: true))\"\n\(escape(option.help))\n"
            }
        }
        out += """
            .SH ENVIRONMENT
            .TP
            .B NO_COLOR
            When set and not empty, no colour (as \\-\\-color never).
            .TP
            .B COLUMNS
            Width of tables and help text (otherwise the terminal's).
            .SH EXIT STATUS
            0 every input was analysed; 1 some input could not be read (reported on stderr, the others were analysed), or stdout did not take all the output; 2 the command line was wrong; 130 interrupted by Ctrl\\-C.

            """
        return out
    }

    /// Text safe in a roff line: backslashes and dashes escaped, no line starting with a control
    /// character, double quotes doubled inside quoted macro arguments.
    static func escape(_ text: String, quoted: Bool = false) -> String {
        var out = text.replacingAll("\\", with: "\\e").replacingAll("-", with: "\\-")
        if quoted { out = out.replacingAll("\"", with: "\"\"") }
        if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
        return out
    }
}
