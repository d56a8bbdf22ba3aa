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
			v.elems = append(v.elems, e)
		}
	case c == '/':
		l.pos++
		for l.pos < l.end && !isSpace(l.src[l.pos]) && !isDelim(l.src[l.pos]) {
			l.pos++
		}
		return value{kind: kName, start: start, end: l.pos, name: string(l.src[start+1 : l.pos])}, nil
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
		v.ents = append(v.ents, entry{key: k.name, keyStart: keyStart, val: val})
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
	tok := l.word()
	if n, err := strconv.Atoi(tok); err == nil {
		if ref, ok := l.ref(start, n); ok {
			return ref, nil
		}
		return value{kind: kInt, start: start, end: l.pos, num: n}, nil
	}
	if _, err := strconv.ParseFloat(tok, 64); err != nil {
		l.pos = start
		return value{}, l.errorf("bad number %q", tok)
	}
	return value{kind: kReal, start: start, end: l.pos}, nil
}

// ref completes "n g R" after the number n, or leaves the position alone.
func (l *lexer) ref(start, n int) (value, bool) {
	save := l.pos
	l.skipSpace()
	gen := l.word()
	l.skipSpace()
	if l.pos < l.end && l.src[l.pos] == 'R' && (l.pos+1 == l.end || isSpace(l.src[l.pos+1]) || isDelim(l.src[l.pos+1])) {
		// fpdf writes generation 0 only; "n 1 R" is left to fail as a number
		// followed by an unexpected keyword.
		if gen == "0" && n > 0 {
			l.pos++
			return value{kind: kRef, start: start, end: l.pos, num: n}, true
		}
	}
	l.pos = save
	return value{}, false
}
