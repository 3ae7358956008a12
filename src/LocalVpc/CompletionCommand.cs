namespace LocalVpc;

/// <summary>
/// <c>localvpc completion bash|zsh</c>: a script that completes localvpc's commands and options in the shell. It asks
/// localvpc itself (System.CommandLine's <c>[suggest:POSITION]</c> directive), so it always knows the options of the
/// localvpc on the PATH.
/// </summary>
internal static class CompletionCommand
{
    public static readonly string[] Shells = ["bash", "zsh"];

    // The line is given without its first word (the program's name, or its path) and up to the cursor.
    private const string Bash = """
        # localvpc completion for bash: source <(localvpc completion bash), or put it in ~/.bashrc
        _localvpc_complete() {
          local line="${COMP_LINE:0:COMP_POINT}"
          line="${line#*[[:space:]]}"
          local IFS=$'\n'
          COMPREPLY=($(compgen -W "$(localvpc "[suggest:${#line}]" "$line" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _localvpc_complete localvpc
        """;

    private const string Zsh = """
        #compdef localvpc
        # localvpc completion for zsh: localvpc completion zsh > "${fpath[1]}/_localvpc", or source <(localvpc completion zsh)
        _localvpc() {
          local line="${(j: :)words[2,CURRENT]}"
          local -a completions
          completions=("${(@f)$(localvpc "[suggest:${#line}]" "$line" 2>/dev/null)}")
          compadd -- ${completions:#}
        }
        compdef _localvpc localvpc
        """;

    public static int Run(string shell)
    {
        Console.WriteLine(shell == "zsh" ? Zsh : Bash);
        return 0;
    }
}
