package plan

import (
	"strconv"
	"strings"
)

// keyPositions maps every key path written in a TOML document to where its key
// starts. Paths index arrays: "changes[1].milestones[0].by". BurntSushi/toml reports
// positions only for syntax errors, so unknown keys and bad values found later would
// otherwise have no line to point at. The document has already parsed, so this
// scanner can trust the syntax and stays small.
func keyPositions(src string) map[string]Pos {
	s := &scanner{src: src, line: 1, col: 1, pos: map[string]Pos{}, arrays: map[string]int{}}
	s.document()
	return s.pos
}

type scanner struct {
	src       string
	i         int
	line, col int
	pos       map[string]Pos
	arrays    map[string]int // array-of-tables path to the index of its last element
	table     string         // current table's indexed path
}

func (s *scanner) eof() bool { return s.i >= len(s.src) }

func (s *scanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.i]
}

func (s *scanner) next() byte {
	c := s.src[s.i]
	s.i++
	if c == '\n' {
		s.line++
		s.col = 1
	} else if c < 0x80 || c >= 0xC0 { // count runes, not bytes, for columns
		s.col++
	}
	return c
}

func (s *scanner) skipSpace() {
	for !s.eof() && (s.peek() == ' ' || s.peek() == '\t') {
		s.next()
	}
}

// skipBlank skips white space, newlines and comments.
func (s *scanner) skipBlank() {
	for !s.eof() {
		switch s.peek() {
		case ' ', '\t', '\r', '\n':
			s.next()
		case '#':
			for !s.eof() && s.peek() != '\n' {
				s.next()
			}
		default:
			return
		}
	}
}

func (s *scanner) document() {
	for {
		s.skipBlank()
		if s.eof() {
			return
		}
		if s.peek() == '[' {
			s.header()
			continue
		}
		s.keyValue(s.table)
	}
}

// header reads [a.b] or [[a.b]] and makes it the current table.
func (s *scanner) header() {
	at := Pos{s.line, s.col}
	s.next()
	array := s.peek() == '['
	if array {
		s.next()
	}
	keys := s.dottedKey()
	s.skipSpace()
	s.next() // ]
	if array {
		s.next()
	}
	path := ""
	for i, k := range keys {
		path = join(path, k)
		if i == len(keys)-1 && array {
			n, seen := s.arrays[path]
			if seen {
				n++
			}
			s.arrays[path] = n
			s.record(path, at)
			path += "[" + strconv.Itoa(n) + "]"
			break
		}
		if n, ok := s.arrays[path]; ok {
			path += "[" + strconv.Itoa(n) + "]"
		}
		// [a.b] defines a too, when nothing did before: findings about a
		// missing a.c then point here.
		s.record(path, at)
	}
	s.record(path, at)
	s.table = path
}

// keyValue reads key = value inside the table at prefix.
func (s *scanner) keyValue(prefix string) {
	at := Pos{s.line, s.col}
	keys := s.dottedKey()
	path := prefix
	for _, k := range keys {
		path = join(path, k)
		s.record(path, at)
	}
	s.skipSpace()
	if s.peek() == '=' {
		s.next()
	}
	s.skipSpace()
	s.value(path)
}

func (s *scanner) record(path string, p Pos) {
	if _, ok := s.pos[path]; !ok {
		s.pos[path] = p
	}
}

func (s *scanner) dottedKey() []string {
	var keys []string
	for {
		s.skipSpace()
		keys = append(keys, s.simpleKey())
		s.skipSpace()
		if s.peek() != '.' {
			return keys
		}
		s.next()
	}
}

func (s *scanner) simpleKey() string {
	switch s.peek() {
	case '"', '\'':
		return s.quoted()
	}
	start := s.i
	for !s.eof() {
		c := s.peek()
		if c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			s.next()
			continue
		}
		break
	}
	return s.src[start:s.i]
}

// quoted reads a single-line basic or literal string and returns its value: a
// basic string's escapes are decoded, so "\u006Eame" is the key name, as the TOML
// decoder reads it.
func (s *scanner) quoted() string {
	q := s.next()
	start := s.i
	for !s.eof() && s.peek() != q && s.peek() != '\n' {
		if q == '"' && s.peek() == '\\' {
			s.next()
		}
		s.next()
	}
	v := s.src[start:s.i]
	if !s.eof() && s.peek() == q {
		s.next()
	}
	if q == '"' {
		return unescapeBasic(v)
	}
	return v
}

// unescapeBasic decodes the escapes of a TOML basic string. The document has
// already parsed, so every escape in it is valid; the TOML 1.1 escapes \e and \xHH
// are decoded too.
func unescapeBasic(raw string) string {
	if !strings.Contains(raw, `\`) {
		return raw
	}
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' || i+1 >= len(raw) {
			b.WriteByte(raw[i])
			continue
		}
		i++
		hex := 0
		switch raw[i] {
		case 'b':
			b.WriteByte('\b')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'f':
			b.WriteByte('\f')
		case 'r':
			b.WriteByte('\r')
		case 'e':
			b.WriteByte(0x1b)
		case 'x':
			hex = 2
		case 'u':
			hex = 4
		case 'U':
			hex = 8
		default: // \" and \\
			b.WriteByte(raw[i])
		}
		if hex > 0 && i+hex < len(raw) {
			if r, err := strconv.ParseUint(raw[i+1:i+1+hex], 16, 32); err == nil {
				b.WriteRune(rune(r))
				i += hex
			}
		}
	}
	return b.String()
}

// value skips a value, recording keys of inline tables and table elements of arrays.
func (s *scanner) value(path string) {
	switch {
	case strings.HasPrefix(s.src[s.i:], `"""`), strings.HasPrefix(s.src[s.i:], `'''`):
		q := s.src[s.i : s.i+3]
		for k := 0; k < 3; k++ {
			s.next()
		}
		for !s.eof() && !strings.HasPrefix(s.src[s.i:], q) {
			if q == `"""` && s.peek() == '\\' {
				s.next()
			}
			s.next()
		}
		for k := 0; k < 3 && !s.eof(); k++ {
			s.next()
		}
		// A closing delimiter may be followed by one or two more quotes of content.
		for !s.eof() && s.peek() == q[0] {
			s.next()
		}
	case s.peek() == '"' || s.peek() == '\'':
		s.quoted()
	case s.peek() == '[':
		s.next()
		for n := 0; ; n++ {
			s.skipBlank()
			if s.eof() || s.peek() == ']' {
				break
			}
			el := path + "[" + strconv.Itoa(n) + "]"
			s.record(el, Pos{s.line, s.col})
			s.value(el)
			s.skipBlank()
			if s.peek() == ',' {
				s.next()
			}
		}
		if !s.eof() {
			s.next()
		}
	case s.peek() == '{':
		s.next()
		for {
			s.skipBlank()
			if s.eof() || s.peek() == '}' {
				break
			}
			s.keyValue(path)
			s.skipBlank()
			if s.peek() == ',' {
				s.next()
			}
		}
		if !s.eof() {
			s.next()
		}
	default:
		for !s.eof() {
			switch s.peek() {
			case ',', ']', '}', '\n', '#':
				return
			}
			s.next()
		}
	}
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}
