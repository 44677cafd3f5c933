/* osh: a line is split into tokens, checked against the grammar, then run straight
 * from the tokens: and-or lists split at ';' and '&', pipelines at '&&' and '||', commands at '|'.
 * Every descriptor the shell opens is close-on-exec, and closed as soon as children have it. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "shell.h"

/* $? in a word, kept as one byte until the word is expanded: a script has no control characters. */
#define STATUS_MARK '\1'

enum kind { WORD, PIPE, OR, AND, BACKGROUND, SEMICOLON, IN, OUT, APPEND, ERR_OUT, ERR_APPEND };

struct token {
    enum kind kind;
    const char *text; /* a word (with STATUS_MARKs), or the operator as written */
};

/* Longest first, so that "||" is taken before "|". "2>" and "2>>" are handled apart. */
static const struct {
    const char *text;
    enum kind kind;
} operators[] = {
    {"||", OR}, {"&&", AND}, {">>", APPEND}, {"|", PIPE}, {"&", BACKGROUND}, {";", SEMICOLON}, {"<", IN}, {">", OUT},
};

static int last_status;     /* $? */
static pid_t *background;   /* the background lists, for wait */
static int background_count, background_capacity;

int shell_status(void) {
    return last_status;
}

/* Writes a message to descriptor 2 in one write, so that messages of concurrent children do not
 * mix. */
static void complain(const char *format, ...) {
    char message[8192];
    va_list args;
    va_start(args, format);
    int length = vsnprintf(message, sizeof message - 1, format, args);
    va_end(args);
    if (length > (int)sizeof message - 2) length = (int)sizeof message - 2;
    message[length] = '\n';
    ssize_t ignored = write(STDERR_FILENO, message, (size_t)length + 1);
    (void)ignored;
}

static void *allocate(size_t size) {
    void *memory = malloc(size ? size : 1);
    if (!memory) {
        complain("osh: out of memory");
        exit(2);
    }
    return memory;
}

/* ---- Tokens. */

static bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

/* The operator at p (not "2>"), or -1. */
static int operator_at(const char *p) {
    for (size_t i = 0; i < sizeof operators / sizeof operators[0]; i++) {
        if (strncmp(p, operators[i].text, strlen(operators[i].text)) == 0) return (int)i;
    }
    return -1;
}

/* Reads the word at *p into *out (quotes and escapes removed, $? as STATUS_MARK), NUL-terminated;
 * returns false on a quote that is never closed. */
static bool read_word(const char **p, char **out) {
    const char *s = *p;
    char *o = *out;
    while (*s != '\0' && !is_blank(*s) && operator_at(s) < 0) {
        if (*s == '\'') {
            const char *end = strchr(s + 1, '\'');
            if (!end) return false;
            memcpy(o, s + 1, (size_t)(end - s - 1));
            o += end - s - 1;
            s = end + 1;
        } else if (*s == '"') {
            for (s++; *s != '"'; s++) {
                if (*s == '\0') return false;
                if (s[0] == '\\' && (s[1] == '"' || s[1] == '\\' || s[1] == '$')) {
                    *o++ = *++s;
                } else if (s[0] == '$' && s[1] == '?') {
                    *o++ = STATUS_MARK;
                    s++;
                } else {
                    *o++ = *s; /* a '\' before any other character stays */
                }
            }
            s++;
        } else if (*s == '\\') {
            *o++ = s[1] != '\0' ? s[1] : '\\'; /* a '\' that ends the line stays */
            s += s[1] != '\0' ? 2 : 1;
        } else if (s[0] == '$' && s[1] == '?') {
            *o++ = STATUS_MARK;
            s += 2;
        } else {
            *o++ = *s++;
        }
    }
    *o++ = '\0';
    *p = s;
    *out = o;
    return true;
}

/* Splits line into tokens, whose words are written to words (room for two bytes a byte of the
 * line). Returns the number of tokens, or -1 on an unterminated quote. */
static int tokenize(const char *line, struct token *tokens, char *words) {
    int count = 0;
    for (const char *p = line;;) {
        while (is_blank(*p)) p++;
        if (*p == '\0' || *p == '#') return count; /* a '#' where a word would begin: a comment */
        struct token *t = &tokens[count++];
        int op;
        if (p[0] == '2' && p[1] == '>') { /* only where a word would begin */
            bool append = p[2] == '>';
            *t = (struct token){append ? ERR_APPEND : ERR_OUT, append ? "2>>" : "2>"};
            p += append ? 3 : 2;
        } else if ((op = operator_at(p)) >= 0) {
            *t = (struct token){operators[op].kind, operators[op].text};
            p += strlen(operators[op].text);
        } else {
            *t = (struct token){WORD, words};
            if (!read_word(&p, &words)) return -1;
        }
    }
}

static bool is_redirection(enum kind kind) {
    return kind >= IN;
}

/* Checks the tokens against the grammar: returns NULL, or the text of the first operator out of
 * place ("newline" when the line ends too early). */
static const char *syntax_error(const struct token *t, int count) {
    int i = 0;
    for (;;) {
        /* A command: words and redirections, at least one. */
        int start = i;
        while (i < count && (t[i].kind == WORD || is_redirection(t[i].kind))) {
            if (is_redirection(t[i].kind)) {
                if (i + 1 == count) return "newline";
                if (t[i + 1].kind != WORD) return t[i + 1].text;
                i++;
            }
            i++;
        }
        if (i == start) return i == count ? "newline" : t[i].text;
        if (i == count) return NULL;
        /* An operator after a command: '|', '&&' and '||' need another; ';' and '&' may end the line. */
        if (++i == count && (t[i - 1].kind == SEMICOLON || t[i - 1].kind == BACKGROUND)) return NULL;
    }
}

/* ---- Words. */

/* A copy of word with each STATUS_MARK replaced by $?. */
static char *expand(const char *word) {
    char status[16];
    int status_length = snprintf(status, sizeof status, "%d", last_status);
    size_t length = 0;
    for (const char *c = word; *c; c++) length += *c == STATUS_MARK ? (size_t)status_length : 1;
    char *copy = allocate(length + 1), *o = copy;
    for (const char *c = word; *c; c++) {
        if (*c == STATUS_MARK) {
            memcpy(o, status, (size_t)status_length);
            o += status_length;
        } else {
            *o++ = *c;
        }
    }
    *o = '\0';
    return copy;
}

/* The expanded words of the command t[from, to) (not the files of its redirections), in a
 * NULL-terminated array; *argc is their number. */
static char **command_words(const struct token *t, int from, int to, int *argc) {
    char **argv = allocate((size_t)(to - from + 1) * sizeof *argv);
    *argc = 0;
    for (int i = from; i < to; i++) {
        if (is_redirection(t[i].kind)) {
            i++;
        } else {
            argv[(*argc)++] = expand(t[i].text);
        }
    }
    argv[*argc] = NULL;
    return argv;
}

static void free_words(char **argv) {
    for (char **word = argv; *word; word++) free(*word);
    free(argv);
}

/* ---- Redirections and built-ins. */

/* Opens the files of the redirections of t[from, to) from left to right. In a child (apply), each
 * takes the place of its descriptor; in the shell, each is closed at once. Returns false after
 * reporting a file that cannot be opened. */
static bool redirect(const struct token *t, int from, int to, bool apply) {
    for (int i = from; i < to; i++) {
        if (!is_redirection(t[i].kind)) continue;
        enum kind kind = t[i].kind;
        int flags = kind == IN ? O_RDONLY : O_WRONLY | O_CREAT | (kind == APPEND || kind == ERR_APPEND ? O_APPEND : O_TRUNC);
        int target = kind == IN ? STDIN_FILENO : kind == OUT || kind == APPEND ? STDOUT_FILENO : STDERR_FILENO;
        char *file = expand(t[++i].text);
        int fd = open(file, flags | O_CLOEXEC, 0644);
        if (fd < 0) {
            complain("osh: %s: %s", file, strerror(errno));
            free(file);
            return false;
        }
        free(file);
        if (apply) dup2(fd, target);
        close(fd);
    }
    return true;
}

static bool is_builtin(const char *name) {
    return strcmp(name, "cd") == 0 || strcmp(name, "exit") == 0 || strcmp(name, "wait") == 0;
}

/* Waits for the child pid and returns its status: its exit code, or 128 + the signal that
 * killed it. */
static int wait_for(pid_t pid) {
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return 1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void wait_background(void) {
    for (int i = 0; i < background_count; i++) wait_for(background[i]);
    background_count = 0;
}

/* Runs the built-in argv[0] and returns its status; sets *exiting for an exit that ends the shell. */
static int run_builtin(char **argv, int argc, bool *exiting) {
    if (strcmp(argv[0], "cd") == 0) {
        if (argc > 2) {
            complain("osh: cd: too many arguments");
            return 1;
        }
        const char *dir = argc == 2 ? argv[1] : getenv("HOME");
        if (!dir) {
            complain("osh: cd: HOME not set");
            return 1;
        }
        if (chdir(dir) < 0) {
            complain("osh: cd: %s: %s", dir, strerror(errno));
            return 1;
        }
        return 0;
    }
    if (strcmp(argv[0], "exit") == 0) {
        if (argc > 2) {
            complain("osh: exit: too many arguments");
            return 1;
        }
        *exiting = true;
        if (argc == 1) return last_status;
        const char *n = argv[1];
        if (*n == '\0' || n[strspn(n, "0123456789")] != '\0') {
            complain("osh: exit: %s: numeric argument required", n);
            return 2;
        }
        int status = 0;
        for (; *n; n++) status = (status * 10 + (*n - '0')) % 256;
        return status;
    }
    wait_background();
    return 0;
}

/* ---- Children. */

/* What every child does first: default signal dispositions and mask (the shell may have been
 * started with SIGPIPE ignored), and no background lists of its own. */
static void become_child(void) {
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    for (int sig = 1; sig < NSIG; sig++) signal(sig, SIG_DFL); /* fails, harmlessly, for some */
    background_count = 0;
}

/* Reports why the program could not start (errno from execv) and exits with its status. */
static void exec_failed(const char *name) {
    if (errno == ENOENT || errno == ENOTDIR) {
        complain("osh: %s: %s", name, strerror(ENOENT));
        _exit(127);
    }
    complain("osh: %s: %s", name, strerror(errno == EISDIR ? EACCES : errno));
    _exit(126);
}

/* Starts the program argv[0]: a name with a '/' is a path, any other is looked up in PATH. */
static void exec_program(char **argv) {
    const char *name = argv[0];
    if (strchr(name, '/')) {
        execv(name, argv);
        exec_failed(name);
    }
    const char *path = getenv("PATH");
    if (!path || !*path) path = "/usr/bin:/bin";
    char *candidate = allocate(strlen(path) + strlen(name) + 3);
    for (const char *dir = path;; dir++) {
        size_t length = strcspn(dir, ":");
        if (length == 0) {
            sprintf(candidate, "./%s", name); /* an empty entry is the working directory */
        } else {
            sprintf(candidate, "%.*s/%s", (int)length, dir, name);
        }
        struct stat st;
        if (stat(candidate, &st) == 0 && S_ISREG(st.st_mode) && access(candidate, X_OK) == 0) {
            execv(candidate, argv);
            exec_failed(name);
        }
        dir += length;
        if (*dir == '\0') break;
    }
    complain("osh: %s: command not found", name);
    _exit(127);
}

/* In a child of a pipeline: runs the command t[from, to), whose pipes are already in place. */
static void run_command(const struct token *t, int from, int to) {
    if (!redirect(t, from, to, true)) _exit(1);
    int argc;
    char **argv = command_words(t, from, to, &argc);
    if (argc == 0) _exit(0);
    if (is_builtin(argv[0])) {
        bool exiting = false;
        _exit(run_builtin(argv, argc, &exiting));
    }
    exec_program(argv);
}

/* ---- Running a line. */

/* Runs the pipeline t[from, to) and returns its status; sets *exiting when exit ends the shell. */
static int run_pipeline(const struct token *t, int from, int to, bool *exiting) {
    int n = 1;
    for (int i = from; i < to; i++) n += t[i].kind == PIPE;

    if (n == 1) { /* a lone built-in runs in the shell; its redirections only open their files */
        int argc;
        char **argv = command_words(t, from, to, &argc);
        if (argc > 0 && is_builtin(argv[0])) {
            int status = redirect(t, from, to, false) ? run_builtin(argv, argc, exiting) : 1;
            free_words(argv);
            return status;
        }
        free_words(argv);
    }

    int *pipes = allocate((size_t)(n - 1) * 2 * sizeof *pipes); /* pipe k: [2k] read, [2k + 1] write */
    pid_t *pids = allocate((size_t)n * sizeof *pids);
    int made = 0, started = 0;
    while (made < n - 1 && pipe2(&pipes[2 * made], O_CLOEXEC) == 0) made++;
    if (made < n - 1) {
        complain("osh: pipe: %s", strerror(errno));
    } else {
        for (int start = from; started < n;) {
            int end = start;
            while (end < to && t[end].kind != PIPE) end++;
            pid_t pid = fork();
            if (pid < 0) {
                complain("osh: fork: %s", strerror(errno));
                break;
            }
            if (pid == 0) {
                become_child();
                if (started > 0) dup2(pipes[2 * (started - 1)], STDIN_FILENO);
                if (started < n - 1) dup2(pipes[2 * started + 1], STDOUT_FILENO);
                for (int i = 0; i < 2 * made; i++) close(pipes[i]);
                run_command(t, start, end);
            }
            pids[started++] = pid;
            start = end + 1;
        }
    }
    for (int i = 0; i < 2 * made; i++) close(pipes[i]);
    int status = 1; /* if a pipe or a fork failed */
    for (int k = 0; k < started; k++) {
        int child_status = wait_for(pids[k]);
        if (started == n) status = child_status;
    }
    free(pipes);
    free(pids);
    return status;
}

/* Runs the and-or list t[from, to) and returns its status; sets *exiting when exit ends the shell. */
static int run_and_or(const struct token *t, int from, int to, bool *exiting) {
    for (int start = from; start < to && !*exiting;) {
        int end = start;
        while (end < to && t[end].kind != AND && t[end].kind != OR) end++;
        last_status = run_pipeline(t, start, end, exiting);
        /* Skip the pipelines that the status rules out: && needs 0, || anything else. */
        while (end < to && (t[end].kind == AND) != (last_status == 0)) {
            for (end++; end < to && t[end].kind != AND && t[end].kind != OR; end++) continue;
        }
        start = end + 1;
    }
    return last_status;
}

/* Starts the and-or list t[from, to) in a child of its own, which exits with its status. */
static void run_background(const struct token *t, int from, int to) {
    pid_t pid = fork();
    if (pid < 0) {
        complain("osh: fork: %s", strerror(errno));
        last_status = 1;
        return;
    }
    if (pid == 0) {
        become_child();
        bool exiting = false;
        _exit(run_and_or(t, from, to, &exiting));
    }
    if (background_count == background_capacity) {
        background_capacity = background_capacity ? 2 * background_capacity : 16;
        background = realloc(background, (size_t)background_capacity * sizeof *background);
        if (!background) {
            complain("osh: out of memory");
            exit(2);
        }
    }
    background[background_count++] = pid;
    last_status = 0;
}

int shell_line(const char *line) {
    size_t length = strlen(line);
    struct token *tokens = allocate((length + 1) * sizeof *tokens);
    char *words = allocate(2 * length + 1);
    int count = tokenize(line, tokens, words);
    const char *error = count > 0 ? syntax_error(tokens, count) : NULL;
    int result = -1;
    if (count < 0) {
        complain("osh: syntax error: unterminated quote");
        last_status = 2;
    } else if (error) {
        complain("osh: syntax error near '%s'", error);
        last_status = 2;
    } else {
        bool exiting = false;
        for (int start = 0; start < count && !exiting;) {
            int end = start;
            while (end < count && tokens[end].kind != SEMICOLON && tokens[end].kind != BACKGROUND) end++;
            if (end < count && tokens[end].kind == BACKGROUND) {
                run_background(tokens, start, end);
            } else {
                run_and_or(tokens, start, end, &exiting);
            }
            start = end + 1;
        }
        if (exiting) result = last_status;
    }
    free(tokens);
    free(words);
    return result;
}
