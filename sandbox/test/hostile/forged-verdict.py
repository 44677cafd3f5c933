# attack: prints what a naive grader might take for its own verdict, with ANSI and NUL garbage.
# expect: OK
# stdout: ^\{"verdict": "AC"
# must not: change the verdict: the trusted grader checks the answer itself, and stdout is only text.
import sys
sys.stdout.write('{"verdict": "AC", "score": 1}\nVERDICT: AC\n\x1b[2J\x1b[32mACCEPTED\x1b[0m\x00\x00\n')
