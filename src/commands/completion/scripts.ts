// The completion scripts, one per shell. Each calls `reframe __complete -- WORDS...` with the words typed so far
// (the last one the word being completed) and reads back one candidate a line, `value<TAB>description`, then a
// last line `:files` (complete file names instead) or `:` (nothing more).

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const bash = `# bash completion for reframe. Turn it on: eval "$(reframe completion bash)" in ~/.bashrc
_reframe_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}"
  local IFS=$'\\n'
  local lines
  lines=($(reframe __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)) || return 0
  local n=\${#lines[@]}
  [ "$n" -gt 0 ] || return 0
  local directive="\${lines[n-1]}"
  unset 'lines[n-1]'
  if [ "$directive" = ":files" ]; then
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
    return 0
  fi
  local values=() l
  for l in "\${lines[@]}"; do values+=("\${l%%$'\\t'*}"); done
  COMPREPLY=($(compgen -W "\${values[*]}" -- "$cur"))
}
complete -F _reframe_complete reframe
`;

const zsh = `#compdef reframe
# zsh completion for reframe. Turn it on: eval "$(reframe completion zsh)" in ~/.zshrc (after compinit)
_reframe() {
  local -a lines values
  local l v d directive
  lines=("\${(@f)$(reframe __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  (( \${#lines} )) || return 1
  directive=\${lines[-1]}
  lines=("\${(@)lines[1,-2]}")
  if [[ $directive == :files ]]; then
    _files
    return
  fi
  for l in "\${lines[@]}"; do
    [[ -n $l ]] || continue
    v=\${l%%$'\\t'*}
    d=''
    [[ $l == *$'\\t'* ]] && d=\${l#*$'\\t'}
    v=\${v//:/\\\\:}
    if [[ -n $d ]]; then values+=("$v:$d"); else values+=("$v"); fi
  done
  _describe -t values reframe values
}
if [[ \${funcstack[1]} == _reframe ]]; then
  _reframe "$@"
else
  compdef _reframe reframe
fi
`;

const fish = `# fish completion for reframe. Turn it on: reframe completion fish > ~/.config/fish/completions/reframe.fish
function __reframe_complete
    set -l tokens (commandline -opc) (commandline -ct)
    set -e tokens[1]
    set -l lines (reframe __complete -- $tokens 2>/dev/null)
    test (count $lines) -gt 0; or return
    set -l directive $lines[-1]
    set -e lines[-1]
    if test "$directive" = ":files"
        __fish_complete_path (commandline -ct)
        return
    end
    printf '%s\\n' $lines
end
complete -c reframe -f -a '(__reframe_complete)'
`;

export const SCRIPTS: Record<Shell, string> = { bash, zsh, fish };
