# Completes one command line in a real interactive zsh, as a person pressing TAB would, and
# writes the line as it stands afterwards to a file (zle's $BUFFER). zsh completes only inside
# its line editor, which needs a terminal: zsh/zpty gives the inner shell one.
#
#   zsh -f zsh-complete.zsh <completion script> <output file> <typed text>
#
# The inner shell is `zsh -f -i` (no user rc files) with compinit, the script sourced (its
# `compdef` registers it), TAB bound to complete-word, and ^X bound to a widget that dumps the
# buffer: the typed text, then TAB, then ^X.
zmodload zsh/zpty || exit 3
zpty curate zsh -f -i
zpty -w curate "PS1=''; autoload -Uz compinit; compinit -u -D; source ${(q)1}"
zpty -w curate "dump-buffer() { print -r -- \"\$BUFFER\" > ${(q)2}; }; zle -N dump-buffer; bindkey '^X' dump-buffer; bindkey '^I' complete-word"
zpty -w -n curate "$3"$'\t\x18'
# A deadline for a hung shell only (60 s): the answer comes in about a second.
for i in {1..600}; do [[ -s $2 ]] && break; sleep 0.1; done
zpty -d curate
[[ -s $2 ]]
