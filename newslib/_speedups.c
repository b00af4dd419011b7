/* Compiled fast paths for newslib's tokenisers (optional; pure Python is the reference).
 *
 * Why: on a large corpus the pipeline's time goes to splitting text into tokens, and
 * Python's regular-expression engine tries each alternative of the token pattern at every
 * token. These functions do the same scans in one pass of C and return exactly what the
 * Python code returns (tests compare both on every BBC and PolNeAR text and on fuzzed
 * strings). They follow Python's `re` definitions for str patterns: \s is
 * Py_UNICODE_ISSPACE, \d is Py_UNICODE_ISDECIMAL, \w is Py_UNICODE_ISALNUM or '_'.
 * Where the token pattern needs backtracking (numbers, currency, URLs, a rare
 * case-insensitive letter) the scan asks the Python pattern itself, so the two cannot
 * disagree there.
 *
 * The module keeps no state: each function reads its arguments (a str, which is immutable,
 * and sets it only queries) and builds new objects, so it declares multi-phase
 * initialisation (PEP 489), support for per-interpreter GILs (3.12+) and for running without
 * the GIL (free-threaded 3.13+), and builds on 3.10 to 3.13.
 *
 * `make sanitize` compiles it with AddressSanitizer and UndefinedBehaviorSanitizer and
 * -DNEWSLIB_CHECK_BOUNDS, which makes every character read check its index: a read of
 * text[n] lands on the string's terminating NUL, inside the allocation, where ASan sees
 * nothing.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>
#ifdef NEWSLIB_CHECK_BOUNDS
#include <stdio.h>
#include <stdlib.h>
#endif

#define IS_SPACE(c) Py_UNICODE_ISSPACE(c)
#define IS_WORD(c) (Py_UNICODE_ISALNUM(c) || (c) == '_')
#define IS_DIGIT(c) Py_UNICODE_ISDECIMAL(c)
/* [^\W\d_]: a word character that is not a decimal digit nor '_' */
#define IS_LETTER(c) (Py_UNICODE_ISALNUM(c) && !Py_UNICODE_ISDECIMAL(c) && (c) != '_')
#define IS_APOS(c) ((c) == '\'' || (c) == 0x2019)
#define IS_HYPHEN(c) ((c) == '-' || (c) == 0x2010 || (c) == 0x2011)

typedef struct {
    int kind;
    const void *data;
    Py_ssize_t n;
} Text;

#ifdef NEWSLIB_CHECK_BOUNDS
#define at(t, i) checked_at((t), (i), __FILE__, __LINE__)
static Py_UCS4 checked_at(const Text *t, Py_ssize_t i, const char *file, int line) {
    if (i < 0 || i >= t->n) {
        fprintf(stderr, "%s:%d: read of character %zd of a %zd-character text\n",
                file, line, i, t->n);
        abort();
    }
    return PyUnicode_READ(t->kind, t->data, i);
}
#else
static inline Py_UCS4 at(const Text *t, Py_ssize_t i) { return PyUnicode_READ(t->kind, t->data, i); }
#endif

/* ASCII-only lower case, as (?i:...) folds ASCII letters; the C library's tolower follows
 * the process's locale (Python sets LC_CTYPE from the environment at start-up). */
static inline Py_UCS4 ascii_fold(Py_UCS4 c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

static inline int word_at(const Text *t, Py_ssize_t i) { return i < t->n && IS_WORD(at(t, i)); }

/* Length of a clitic (s|re|ve|ll|d|m|t, ASCII case-insensitive) at i followed by a word
 * boundary, 0 if none, -1 if a character there could match only under Unicode case folding
 * (the long s, U+017F): the caller then asks the Python pattern. */
static Py_ssize_t clitic_at(const Text *t, Py_ssize_t i) {
    if (i >= t->n) return 0;
    Py_UCS4 c = at(t, i);
    if (c == 0x017F) return -1;
    if (c >= 128) return 0;
    c = ascii_fold(c);
    Py_ssize_t len = 0;
    Py_UCS4 second = 0;
    switch (c) {
    case 's': case 'd': case 'm': case 't': len = 1; break;
    case 'r': case 'v': second = 'e'; len = 2; break;
    case 'l': second = 'l'; len = 2; break;
    default: return 0;
    }
    if (len == 2) {
        if (i + 1 >= t->n) return 0;
        Py_UCS4 d = at(t, i + 1);
        if (d == 0x017F) return -1;
        if (ascii_fold(d) != second) return 0;
    }
    /* \b after a letter: the next character is not a word character (or the text ends) */
    return word_at(t, i + len) ? 0 : len;
}

static inline int has_prefix(const Text *t, Py_ssize_t i, const char *s) {
    Py_ssize_t k = (Py_ssize_t)strlen(s);
    if (i + k > t->n) return 0;
    for (Py_ssize_t j = 0; j < k; j++)
        if (at(t, i + j) != (Py_UCS4)(unsigned char)s[j]) return 0;
    return 1;
}

/* End of the token starting at non-space position i, or -1 when the Python pattern must
 * decide (-2 on a clitic needing Unicode folding inside a word: also the Python pattern). */
static Py_ssize_t token_end(const Text *t, Py_ssize_t i) {
    Py_UCS4 c = at(t, i);
    Py_ssize_t n = t->n;
    if (IS_LETTER(c)) {
        if ((c == 'h' && (has_prefix(t, i, "http://") || has_prefix(t, i, "https://")))
            || (c == 'w' && has_prefix(t, i, "www.")))
            return -1;  /* a URL: backtracking pattern */
        /* (?:[^\W\d_]\.){2,} */
        Py_ssize_t j = i, pairs = 0;
        while (j + 1 < n && IS_LETTER(at(t, j)) && at(t, j + 1) == '.') { j += 2; pairs++; }
        if (pairs >= 2) return j;
        /* [^\W\d_]\w*(?:(?:[-‐‑]|['’](?!clitic\b))\w+)* */
        j = i + 1;
        while (word_at(t, j)) j++;
        while (j < n) {
            Py_UCS4 s = at(t, j);
            if (IS_HYPHEN(s)) {
                if (!word_at(t, j + 1)) break;
            } else if (IS_APOS(s)) {
                Py_ssize_t cl = clitic_at(t, j + 1);
                if (cl < 0) return -1;
                if (cl > 0 || !word_at(t, j + 1)) break;
            } else {
                break;
            }
            j += 1;
            while (word_at(t, j)) j++;
        }
        return j;
    }
    if (IS_DIGIT(c) || c == '$' || c == 0xA3 || c == 0x20AC || c == 0xA5 || c == 0x20B9)
        return -1;  /* numbers and money: backtracking pattern */
    if (IS_APOS(c)) {
        Py_ssize_t cl = clitic_at(t, i + 1);
        if (cl < 0) return -1;
        if (cl > 0) return i + 1 + cl;
        return i + 1;
    }
    if (c == '.' || c == '-') {
        Py_ssize_t j = i + 1;
        while (j < n && at(t, j) == c) j++;
        return j - i >= 2 ? j : i + 1;
    }
    return i + 1;  /* any other punctuation, '_' or symbol: one character */
}

typedef struct {
    long long *v;
    Py_ssize_t len, cap;
} Buf;

static int buf_push(Buf *b, long long x) {
    if (b->len == b->cap) {
        Py_ssize_t cap = b->cap ? b->cap * 2 : 1024;
        long long *v = PyMem_Realloc(b->v, (size_t)cap * sizeof(long long));
        if (!v) { PyErr_NoMemory(); return -1; }
        b->v = v;
        b->cap = cap;
    }
    b->v[b->len++] = x;
    return 0;
}

/* Append a new reference to a list, dropping it either way; -1 on error (also when item is NULL). */
static int append_new(PyObject *list, PyObject *item) {
    if (!item) return -1;
    int rc = PyList_Append(list, item);
    Py_DECREF(item);
    return rc;
}

static PyObject *match_end(PyObject *match, PyObject *text, Py_ssize_t i) {
    PyObject *m = PyObject_CallFunction(match, "On", text, i);
    if (!m) return NULL;
    if (m == Py_None) {
        Py_DECREF(m);
        PyErr_SetString(PyExc_RuntimeError, "token pattern did not match a non-space character");
        return NULL;
    }
    PyObject *e = PyObject_CallMethod(m, "end", NULL);
    Py_DECREF(m);
    return e;
}

PyDoc_STRVAR(token_spans_doc,
"token_spans(text, match) -> (starts: bytes, ends: bytes, tokens: list)\n\n"
"The tokens of newslib.tokens._TOKEN_RE in text, as re.split would find them; starts and\n"
"ends are native int64 arrays as bytes. ``match`` is the pattern's ``match`` method, used\n"
"where the pattern backtracks (numbers, money, URLs).");

static PyObject *token_spans(PyObject *self, PyObject *args) {
    PyObject *text, *match;
    if (!PyArg_ParseTuple(args, "UO:token_spans", &text, &match)) return NULL;
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text)};
    Buf st = {0}, en = {0};
    PyObject *toks = PyList_New(0), *out = NULL;
    if (!toks) return NULL;
    Py_ssize_t i = 0;
    while (i < t.n) {
        if (IS_SPACE(at(&t, i))) { i++; continue; }
        Py_ssize_t e = token_end(&t, i);
        if (e < 0) {
            PyObject *eo = match_end(match, text, i);
            if (!eo) goto fail;
            e = PyLong_AsSsize_t(eo);
            Py_DECREF(eo);
            if (e == -1 && PyErr_Occurred()) goto fail;
            if (e <= i || e > t.n) {   /* an empty or out-of-range token would loop or overrun */
                PyErr_Format(PyExc_ValueError, "token pattern matched [%zd, %zd) at %zd of a "
                             "%zd-character text", i, e, i, t.n);
                goto fail;
            }
        }
        if (append_new(toks, PyUnicode_Substring(text, i, e)) < 0 || buf_push(&st, i) < 0
                || buf_push(&en, e) < 0) goto fail;
        i = e;
    }
    {
        PyObject *bs = PyBytes_FromStringAndSize((const char *)st.v, st.len * (Py_ssize_t)sizeof(long long));
        PyObject *be = PyBytes_FromStringAndSize((const char *)en.v, en.len * (Py_ssize_t)sizeof(long long));
        if (bs && be) out = PyTuple_Pack(3, bs, be, toks);
        Py_XDECREF(bs);
        Py_XDECREF(be);
    }
fail:
    PyMem_Free(st.v);
    PyMem_Free(en.v);
    Py_DECREF(toks);
    return out;
}

/* newslib.quotes._WORD_RE: [^\W_][\w.'’-]*|[,:;.!?—–―()"“”‘’] ; any other character is skipped */
static inline int quote_punct(Py_UCS4 c) {
    switch (c) {
    case ',': case ':': case ';': case '.': case '!': case '?': case '(': case ')': case '"':
    case 0x2014: case 0x2013: case 0x2015: case 0x201C: case 0x201D: case 0x2018: case 0x2019:
        return 1;
    default:
        return 0;
    }
}

PyDoc_STRVAR(word_tokens_doc,
"word_tokens(text, offset) -> list of (word, start, end)\n\n"
"The matches of newslib.quotes._WORD_RE in text, offsets shifted by ``offset``.");

static PyObject *word_tokens(PyObject *self, PyObject *args) {
    PyObject *text;
    Py_ssize_t offset;
    if (!PyArg_ParseTuple(args, "Un:word_tokens", &text, &offset)) return NULL;
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text)};
    PyObject *out = PyList_New(0);
    if (!out) return NULL;
    Py_ssize_t i = 0;
    while (i < t.n) {
        Py_UCS4 c = at(&t, i);
        Py_ssize_t e;
        if (Py_UNICODE_ISALNUM(c)) {
            e = i + 1;
            while (e < t.n) {
                Py_UCS4 d = at(&t, e);
                if (IS_WORD(d) || d == '.' || d == '\'' || d == 0x2019 || d == '-') e++;
                else break;
            }
        } else if (quote_punct(c)) {
            e = i + 1;
        } else {
            i++;
            continue;
        }
        if (append_new(out, Py_BuildValue("(Nnn)", PyUnicode_Substring(text, i, e), i + offset, e + offset)) < 0) {
            Py_DECREF(out);
            return NULL;
        }
        i = e;
    }
    return out;
}

/* ---- sentences: newslib.tokens.sentence_spans(text, method="rules") ------------------------ */

static inline int is_stop_char(Py_UCS4 c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }
static inline int is_closer(Py_UCS4 c) {
    return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == ')' || c == ']';
}
static inline int is_opener(Py_UCS4 c) {
    return c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == '(' || c == '[';
}

/* Set membership of a freshly made string; -1 on error. */
static int in_set(PyObject *set, PyObject *s) {
    if (!s) return -1;
    int r = PySet_Contains(set, s);
    Py_DECREF(s);
    return r;
}

/* the next word, lower case and stripped as newslib.tokens._is_boundary strips it; NULL on error */
static PyObject *next_word_lower(PyObject *text, Py_ssize_t w0, Py_ssize_t w1) {
    PyObject *word = PyUnicode_Substring(text, w0, w1);
    if (!word) return NULL;
    PyObject *low = PyObject_CallMethod(word, "lower", NULL);
    Py_DECREF(word);
    if (!low) return NULL;
    PyObject *w = PyObject_CallMethod(low, "strip", "s", "\"'\xe2\x80\x9c\xe2\x80\x98\xe2\x80\x9d\xe2\x80\x99,;:");
    Py_DECREF(low);
    return w;
}

/* newslib.tokens._is_boundary: does the candidate text[i:j] end a sentence? -1 on error. */
static int is_boundary(PyObject *text, const Text *t, Py_ssize_t i, Py_ssize_t j,
                       PyObject *abbrevs, PyObject *titles, PyObject *starters, PyObject *initial_starters) {
    Py_ssize_t n = t->n, k = j;
    /* \s*([\"'“‘(\[]?)(\S*) */
    while (k < n && IS_SPACE(at(t, k))) k++;
    int has_opener = k < n && is_opener(at(t, k));
    Py_ssize_t w0 = k + has_opener, w1 = w0;
    while (w1 < n && !IS_SPACE(at(t, w1))) w1++;
    if (w1 == w0 && !has_opener) return 1;
    Py_UCS4 first = w1 > w0 ? at(t, w0) : at(t, k);
    if (!(Py_UNICODE_ISUPPER(first) || Py_UNICODE_ISDIGIT(first) || has_opener || !Py_UNICODE_ISALPHA(first)))
        return 0;
    if (at(t, i) != '.') return 1;
    /* the last whitespace-free run of text[max(0, i-40):i+1] */
    Py_ssize_t lo = i - 40 > 0 ? i - 40 : 0, p0 = i + 1;
    while (p0 > lo && !IS_SPACE(at(t, p0 - 1))) p0--;
    Py_ssize_t c0 = p0, c1 = i + 1;   /* core: dots stripped on the right, openers on the left */
    while (c1 > c0 && at(t, c1 - 1) == '.') c1--;
    while (c0 < c1 && (at(t, c0) == '"' || at(t, c0) == '\'' || at(t, c0) == 0x201C
                       || at(t, c0) == 0x2018 || at(t, c0) == '(')) c0++;
    PyObject *raw = PyUnicode_Substring(text, c0, c1);
    if (!raw) return -1;
    PyObject *core = PyObject_CallMethod(raw, "lower", NULL);
    Py_DECREF(raw);
    if (!core) return -1;
    int r = PySet_Contains(titles, core);
    if (r != 0) { Py_DECREF(core); return r < 0 ? -1 : 0; }
    Py_ssize_t cn = PyUnicode_GET_LENGTH(core);
    int ck = PyUnicode_KIND(core);
    const void *cd = PyUnicode_DATA(core);
    if (cn == 1 && Py_UNICODE_ISALPHA(PyUnicode_READ(ck, cd, 0))) {
        /* an initial (John F. Kennedy): the run, openers stripped, starts with a capital */
        Py_ssize_t q = p0;
        while (q < i + 1 && (at(t, q) == '"' || at(t, q) == '\'' || at(t, q) == 0x201C
                             || at(t, q) == 0x2018 || at(t, q) == '(')) q++;
        if (q < i + 1 && Py_UNICODE_ISUPPER(at(t, q))) {
            Py_DECREF(core);
            /* ("World War I. But …": a word that opens sentences, never a surname, ends it) */
            if (has_opener || w1 == w0) return 0;
            return in_set(initial_starters, next_word_lower(text, w0, w1));
        }
    }
    r = PySet_Contains(abbrevs, core);
    if (r < 0) { Py_DECREF(core); return -1; }
    int initials = 0;
    if (!r && cn >= 3 && cn % 2 == 1) {   /* (?:[^\W\d_]\.)+[^\W\d_] */
        initials = 1;
        for (Py_ssize_t q = 0; q < cn && initials; q++) {
            Py_UCS4 c = PyUnicode_READ(ck, cd, q);
            initials = q % 2 ? c == '.' : IS_LETTER(c);
        }
    }
    Py_DECREF(core);
    if (r || initials) {
        if (Py_UNICODE_ISDIGIT(first)) return 0;   /* "Dec. 7" */
        if (has_opener) return 1;
        return in_set(starters, next_word_lower(text, w0, w1));
    }
    return 1;
}

static int add_span(PyObject *out, const Text *t, Py_ssize_t s, Py_ssize_t e) {
    while (s < e && IS_SPACE(at(t, s))) s++;
    while (e > s && IS_SPACE(at(t, e - 1))) e--;
    if (e <= s) return 0;
    return append_new(out, Py_BuildValue("(nn)", s, e));
}

PyDoc_STRVAR(sentence_spans_doc,
"sentence_spans(text, abbreviations, titles, capital_starters, initial_starters) -> list of (start, end)\n\n"
"newslib.tokens.sentence_spans(text) with the rules method, in C; the four sets are the ones\n"
"the Python code uses.");

static PyObject *sentence_spans(PyObject *self, PyObject *args) {
    PyObject *text, *abbrevs, *titles, *starters, *initial_starters;
    if (!PyArg_ParseTuple(args, "UOOOO:sentence_spans", &text, &abbrevs, &titles, &starters, &initial_starters))
        return NULL;
    if (!PyAnySet_Check(abbrevs) || !PyAnySet_Check(titles) || !PyAnySet_Check(starters)
            || !PyAnySet_Check(initial_starters)) {
        PyErr_SetString(PyExc_TypeError, "sentence_spans: the word lists must be sets");
        return NULL;
    }
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text)};
    Py_ssize_t n = t.n, start = 0, p = 0, line_start = 0;
    PyObject *out = PyList_New(0);
    if (!out) return NULL;
    while (p < n) {
        Py_UCS4 c = at(&t, p);
        if (c == '\n') {
            /* a line break ends a sentence unless it is a hard wrap inside a paragraph */
            Py_ssize_t i = p, j = p + 1;
            Py_ssize_t prev_line_start = line_start;
            line_start = j;
            p = j;
            if (j < n && Py_UNICODE_ISLOWER(at(&t, j)) && i - prev_line_start >= 50 && i > 0) {
                Py_UCS4 b = at(&t, i - 1);
                if (!(b == '.' || b == '!' || b == '?' || b == ':' || b == '"' || b == 0x201D || b == 0x2019))
                    continue;
            }
            if (add_span(out, &t, start, j) < 0) goto fail;
            start = j;
            continue;
        }
        if (!is_stop_char(c)) { p++; continue; }
        Py_ssize_t i = p, j = p;
        while (j < n && is_stop_char(at(&t, j))) j++;
        while (j < n && is_closer(at(&t, j))) j++;
        if (j >= n || !IS_SPACE(at(&t, j))) { p = j > p ? j : p + 1; continue; }
        p = j;
        int b = is_boundary(text, &t, i, j, abbrevs, titles, starters, initial_starters);
        if (b < 0) goto fail;
        if (!b) continue;
        if (add_span(out, &t, start, j) < 0) goto fail;
        start = j;
    }
    if (start < n && add_span(out, &t, start, n) < 0) goto fail;
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

/* ---- quotes: name sequences and letter runs ------------------------------------------------ */

static inline int ascii_upper(Py_UCS4 c) { return c >= 'A' && c <= 'Z'; }
static inline int ascii_lower(Py_UCS4 c) { return c >= 'a' && c <= 'z'; }
/* the letters of a name (entities._UP, _LO): ASCII, then the accented letters of Latin-1
 * (not the signs of multiplication and division) and of Latin Extended-A */
static inline int name_upper(Py_UCS4 c) {
    return ascii_upper(c) || (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        || (c >= 0x100 && c < 0x180 && Py_UNICODE_ISUPPER(c));
}
static inline int name_lower(Py_UCS4 c) {
    return ascii_lower(c) || (c >= 0xDF && c <= 0xFF && c != 0xF7)
        || (c >= 0x100 && c < 0x180 && Py_UNICODE_ISLOWER(c));
}

/* entities.NAME_GAP at j: the end of a run of white space holding at most one line break
 * (the longest such run, as the greedy pattern takes it), or -1 when there is no space */
static Py_ssize_t gap_end(const Text *t, Py_ssize_t j) {
    Py_ssize_t k = j;
    int breaks = 0;
    while (k < t->n && IS_SPACE(at(t, k))) {
        if (at(t, k) == '\n' && ++breaks > 1) break;
        k++;
    }
    return k == j ? -1 : k;
}

/* [A-Z][a-z]+ NAME_GAP at i: its end, or -1 */
static Py_ssize_t w1_end(const Text *t, Py_ssize_t i) {
    if (i >= t->n || !name_upper(at(t, i))) return -1;
    Py_ssize_t j = i + 1;
    while (j < t->n && name_lower(at(t, j))) j++;
    if (j == i + 1) return -1;
    return gap_end(t, j);
}

/* [A-Z][a-zA-Z'’-]+ at i (with the accented letters of name_upper, name_lower): its end, or -1 */
static Py_ssize_t w2_end(const Text *t, Py_ssize_t i) {
    if (i >= t->n || !name_upper(at(t, i))) return -1;
    Py_ssize_t j = i + 1;
    while (j < t->n) {
        Py_UCS4 c = at(t, j);
        if (name_upper(c) || name_lower(c) || c == '\'' || c == 0x2019 || c == '-') j++;
        else break;
    }
    return j == i + 1 ? -1 : j;
}

PyDoc_STRVAR(name_sequences_doc,
"name_sequences(text) -> list of (prefix, name)\n\n"
"The groups of every match of newslib.quotes._NAME_SEQ_RE in text, as finditer gives them.");

static PyObject *name_sequences(PyObject *self, PyObject *args) {
    PyObject *text;
    if (!PyArg_ParseTuple(args, "U:name_sequences", &text)) return NULL;
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text)};
    PyObject *out = PyList_New(0);
    if (!out) return NULL;
    Py_ssize_t p = 0;
    while (p < t.n) {
        if (!name_upper(at(&t, p))) { p++; continue; }
        /* ((?:[A-Z][a-z]+\s+){0,3}): greedy, each word of one possible length, so the
         * engine tries 3, 2, 1, 0 words in turn */
        Py_ssize_t q[4] = {p, 0, 0, 0};
        int kmax = 0;
        while (kmax < 3) {
            Py_ssize_t e = w1_end(&t, q[kmax]);
            if (e < 0) break;
            q[++kmax] = e;
        }
        int matched = 0;
        for (int k = kmax; k >= 0 && !matched; k--) {
            Py_ssize_t s2 = q[k], r = w2_end(&t, s2);
            if (r < 0) continue;
            int reps = 0;
            while (reps < 3) {   /* (?:NAME_GAP[A-Z][a-zA-Z'’-]+){1,3} */
                Py_ssize_t j = gap_end(&t, r);
                if (j < 0) break;
                Py_ssize_t e2 = w2_end(&t, j);
                if (e2 < 0) break;
                r = e2;
                reps++;
            }
            if (reps < 1) continue;
            if (append_new(out, Py_BuildValue("(NN)", PyUnicode_Substring(text, p, s2),
                                              PyUnicode_Substring(text, s2, r))) < 0) {
                Py_DECREF(out);
                return NULL;
            }
            p = r;
            matched = 1;
        }
        if (!matched) p++;
    }
    return out;
}

PyDoc_STRVAR(letter_runs_doc,
"letter_runs(text) -> set\n\n"
"set(re.findall(r\"[A-Za-z]+\", text)), the distinct runs of ASCII letters.");

static PyObject *letter_runs(PyObject *self, PyObject *args) {
    PyObject *text;
    if (!PyArg_ParseTuple(args, "U:letter_runs", &text)) return NULL;
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text)};
    PyObject *out = PySet_New(NULL);
    if (!out) return NULL;
    Py_ssize_t i = 0;
    while (i < t.n) {
        Py_UCS4 c = at(&t, i);
        if (!(ascii_upper(c) || ascii_lower(c))) { i++; continue; }
        Py_ssize_t j = i + 1;
        while (j < t.n && (ascii_upper(at(&t, j)) || ascii_lower(at(&t, j)))) j++;
        PyObject *w = PyUnicode_Substring(text, i, j);
        if (!w || PySet_Add(out, w) < 0) {
            Py_XDECREF(w);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(w);
        i = j;
    }
    return out;
}

static PyMethodDef methods[] = {
    {"token_spans", token_spans, METH_VARARGS, token_spans_doc},
    {"word_tokens", word_tokens, METH_VARARGS, word_tokens_doc},
    {"sentence_spans", sentence_spans, METH_VARARGS, sentence_spans_doc},
    {"name_sequences", name_sequences, METH_VARARGS, name_sequences_doc},
    {"letter_runs", letter_runs, METH_VARARGS, letter_runs_doc},
    {NULL, NULL, 0, NULL},
};

/* Nothing to set up: the module has no state (m_size 0) and its functions come from
 * m_methods. The exec slot is where a constant or a type would be added, per module object. */
static int speedups_exec(PyObject *module) {
    (void)module;
    return 0;
}

static PyModuleDef_Slot slots[] = {
    {Py_mod_exec, speedups_exec},
#ifdef Py_mod_multiple_interpreters   /* 3.12+ */
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
#endif
#ifdef Py_mod_gil                     /* 3.13+: importing it does not turn the GIL back on */
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "newslib._speedups",
    .m_doc = "Compiled fast paths for newslib's tokenisers (optional; see newslib/_speedups.c).",
    .m_size = 0,
    .m_methods = methods,
    .m_slots = slots,
};

PyMODINIT_FUNC PyInit__speedups(void) { return PyModuleDef_Init(&module); }
