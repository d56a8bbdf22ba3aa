package pdftag

import (
	"fmt"
	"strconv"
)

// kind is the type of a parsed PDF object.
type kind uint8

const (
	kNull kind = iota
	kBool
	kInt
	kReal
	kName
	kString
	kArray
	kDict
	kRef
)

// value is one parsed PDF object. It keeps its span in the source, so that an
// object that is only moved, not changed, is copied byte for byte.
type value struct {
	kind       kind
	start, end int    // the object's bytes are src[start:end]
	num        int    // kInt: the number; kRef: the object number
	name       string // kName: the name without its slash, escapes as written
	elems      []value
	ents       []entry // kDict, in the order written
}

// entry is one key and value of a dictionary.
type entry struct {
	key      string // without the slash
	keyStart int    // src[keyStart:val.start] is "/Key" and the space after it
	val      value
}

// get returns the value of key in a dictionary.
func (v *value) get(key string) (value, bool) {
	for _, e := range v.ents {
		if e.key == key {
			return e.val, true
		}
	}
	return value{}, false
}

// maxDepth bounds the nesting of arrays and dictionaries: fpdf writes at most
// three levels, and a bound keeps a hostile file from exhausting the stack.
const maxDepth = 32

// lexer parses PDF objects (ISO 32000-1, 7.3) from src[pos:end]. It reads only
// what fpdf writes outside content streams: no comments, no streams.
type lexer struct {
	src      []byte
	pos, end int
	// keep is the depth to which arrays and dictionaries keep what is in
	// them; deeper ones are checked and skipped, keeping only their span.
	// Apply looks three levels deep at most (a page's /Annots array, its
	// dictionaries, their entries); not keeping the rest halves the time.
	keep int
}

// syntaxError reports where in the file the lexer stopped.
func (l *lexer) errorf(format string, args ...any) error {
	return fmt.Errorf("offset %d: %s", l.pos, fmt.Sprintf(format, args...))
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (l *lexer) skipSpace() {
	for l.pos < l.end && isSpace(l.src[l.pos]) {
		l.pos++
	}
}

// value parses the next object.
func (l *lexer) value(depth int) (value, error) {
	if depth > maxDepth {
		return value{}, l.errorf("objects nested more than %d deep", maxDepth)
	}
	l.skipSpace()
	if l.pos >= l.end {
		return value{}, l.errorf("unexpected end of object")
	}
	start := l.pos
	c := l.src[l.pos]
	switch {
	case c == '<' && l.pos+1 < l.end && l.src[l.pos+1] == '<':
		return l.dict(depth)
	case c == '<':
		return l.hexString()
	case c == '(':
		return l.literalString()
	case c == '[':
		l.pos++
		v := value{kind: kArray, start: start}
		if depth < l.keep {
			v.elems = make([]value, 0, 8)
		}
		for {
			l.skipSpace()
			if l.pos >= l.end {
				return value{}, l.errorf("unterminated array")
			}
			if l.src[l.pos] == ']' {
				l.pos++
				v.end = l.pos
				return v, nil
			}
			e, err := l.value(depth + 1)
			if err != nil {
				return value{}, err
			}
			if depth < l.keep {
				v.elems = append(v.elems, e)
			}
		}
	case c == '/':
		l.pos++
		for l.pos < l.end && !isSpace(l.src[l.pos]) && !isDelim(l.src[l.pos]) {
			l.pos++
		}
		v := value{kind: kName, start: start, end: l.pos}
		if depth <= l.keep {
			v.name = string(l.src[start+1 : l.pos])
		}
		return v, nil
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		return l.number()
	default:
		word := l.word()
		switch word {
		case "true", "false":
			return value{kind: kBool, start: start, end: l.pos}, nil
		case "null":
			return value{kind: kNull, start: start, end: l.pos}, nil
		}
		l.pos = start
		if word == "" {
			return value{}, l.errorf("unexpected %q", c)
		}
		return value{}, l.errorf("unexpected keyword %q", word)
	}
}

// word reads a run of regular characters.
func (l *lexer) word() string {
	start := l.pos
	for l.pos < l.end && !isSpace(l.src[l.pos]) && !isDelim(l.src[l.pos]) {
		l.pos++
	}
	return string(l.src[start:l.pos])
}

func (l *lexer) dict(depth int) (value, error) {
	v := value{kind: kDict, start: l.pos}
	if depth < l.keep {
		v.ents = make([]entry, 0, 8)
	}
	l.pos += 2
	for {
		l.skipSpace()
		if l.pos+1 < l.end && l.src[l.pos] == '>' && l.src[l.pos+1] == '>' {
			l.pos += 2
			v.end = l.pos
			return v, nil
		}
		if l.pos >= l.end {
			return value{}, l.errorf("unterminated dictionary")
		}
		keyStart := l.pos
		k, err := l.value(depth + 1)
		if err != nil {
			return value{}, err
		}
		if k.kind != kName {
			l.pos = k.start
			return value{}, l.errorf("dictionary key is not a name")
		}
		val, err := l.value(depth + 1)
		if err != nil {
			return value{}, err
		}
		if depth < l.keep {
			v.ents = append(v.ents, entry{key: k.name, keyStart: keyStart, val: val})
		}
	}
}

func (l *lexer) hexString() (value, error) {
	start := l.pos
	l.pos++
	for l.pos < l.end {
		c := l.src[l.pos]
		l.pos++
		switch {
		case c == '>':
			return value{kind: kString, start: start, end: l.pos}, nil
		case isSpace(c), c >= '0' && c <= '9', c >= 'a' && c <= 'f', c >= 'A' && c <= 'F':
		default:
			l.pos--
			return value{}, l.errorf("bad character %q in hex string", c)
		}
	}
	l.pos = start
	return value{}, l.errorf("unterminated hex string")
}

// literalString reads a string in parentheses: balanced inner parentheses and
// backslash escapes, any other byte as it is (fpdf writes UTF-16 this way).
func (l *lexer) literalString() (value, error) {
	start := l.pos
	l.pos++
	open := 1
	for l.pos < l.end {
		c := l.src[l.pos]
		l.pos++
		switch c {
		case '\\':
			l.pos++
		case '(':
			open++
		case ')':
			if open--; open == 0 {
				return value{kind: kString, start: start, end: l.pos}, nil
			}
		}
	}
	l.pos = start
	return value{}, l.errorf("unterminated string")
}

// number reads an integer or a real, and an indirect reference "n g R".
func (l *lexer) number() (value, error) {
	start := l.pos
	for l.pos < l.end && !isSpace(l.src[l.pos]) && !isDelim(l.src[l.pos]) {
		l.pos++
	}
	tok := l.src[start:l.pos]
	if n, ok := atoi(tok); ok {
		if ref, ok := l.ref(start, n); ok {
			return ref, nil
		}
		return value{kind: kInt, start: start, end: l.pos, num: n}, nil
	}
	if _, err := strconv.ParseFloat(string(tok), 64); err != nil {
		l.pos = start
		return value{}, l.errorf("bad number %q", tok)
	}
	return value{kind: kReal, start: start, end: l.pos}, nil
}

// atoi reads an optionally signed decimal integer of at most 15 digits.
func atoi(b []byte) (int, bool) {
	neg := false
	if len(b) > 0 && (b[0] == '+' || b[0] == '-') {
		neg = b[0] == '-'
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 15 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// ref completes "n 0 R" after the number n, or leaves the position alone.
// fpdf writes generation 0 only; "n 1 R" is left to fail as a number followed
// by an unexpected keyword.
func (l *lexer) ref(start, n int) (value, bool) {
	save := l.pos
	l.skipSpace()
	if n > 0 && l.pos+1 < l.end && l.src[l.pos] == '0' && isSpace(l.src[l.pos+1]) {
		l.pos++
		l.skipSpace()
		if l.pos < l.end && l.src[l.pos] == 'R' && (l.pos+1 == l.end || isSpace(l.src[l.pos+1]) || isDelim(l.src[l.pos+1])) {
			l.pos++
			return value{kind: kRef, start: start, end: l.pos, num: n}, true
		}
	}
	l.pos = save
	return value{}, false
}
