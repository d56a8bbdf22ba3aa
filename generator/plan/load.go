package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// MaxPlanSize bounds the plan file: a long plan is tens of kilobytes.
const MaxPlanSize = 4 << 20

// Error is one problem with a plan, at a place in its file.
type Error struct {
	File string
	Pos  Pos    // zero when the problem has no single place (e.g. an empty file)
	Key  string // key path, e.g. "budget.lines[2].cost"; empty for syntax errors
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Pos.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Pos.Line)
		if e.Pos.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Pos.Col)
		}
	}
	b.WriteString(": ")
	if e.Key != "" {
		fmt.Fprintf(&b, "%s: ", e.Key)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is every problem found in one plan, in file order.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Load reads, checks and decodes the plan at path. Pictures are read from the plan's
// own folder tree only.
func Load(path string) (*Plan, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{File: path, Msg: fmt.Sprintf("cannot read the plan: %v", unwrapPath(err))}
	}
	defer f.Close()
	var size int64
	if info, err := f.Stat(); err == nil {
		if info.IsDir() {
			return nil, &Error{File: path, Msg: "is a folder, not a plan file"}
		}
		size = info.Size()
	}
	src, err := readBounded(f, size, MaxPlanSize)
	if err != nil {
		return nil, &Error{File: path, Msg: err.Error()}
	}
	dir := filepath.Dir(path)
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, &Error{File: path, Msg: fmt.Sprintf("cannot open the plan's folder: %v", err)}
	}
	defer root.Close()
	return Parse(path, src, root.FS())
}

// readAtMost reads r to its end, or to one byte past limit, whichever comes
// first: the caller tells a file that is too large by its length. size is what
// the file's size said (0 if unknown), so that a file read whole is read into
// one buffer of the right size, not one that doubled on the way.
func readAtMost(r io.Reader, size, limit int64) ([]byte, error) {
	var b bytes.Buffer
	if size > 0 {
		// ReadFrom asks for bytes.MinRead of room at each read, the last one
		// (that finds the end) too.
		b.Grow(int(min(size, limit)) + bytes.MinRead)
	}
	_, err := b.ReadFrom(io.LimitReader(r, limit+1))
	return b.Bytes(), err
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func readBounded(f *os.File, size, limit int64) ([]byte, error) {
	src, err := readAtMost(f, size, limit)
	if err != nil {
		return nil, fmt.Errorf("cannot read the plan: %w", err)
	}
	if int64(len(src)) > limit {
		return nil, fmt.Errorf("the plan is larger than %d MiB; is this the right file?", limit>>20)
	}
	return src, nil
}

// Parse checks and decodes a plan's source. name is used in messages and for the
// output folder; pictures are read from pics (the plan's folder).
func Parse(name string, src []byte, pics fs.FS) (*Plan, error) {
	fail := func(msg string) error { return Errors{{File: name, Msg: msg}} }
	switch {
	case len(bytes.TrimSpace(src)) == 0:
		return nil, fail("the file is empty; a plan needs at least [person] with a name")
	case bytes.IndexByte(src, 0) >= 0 || !utf8.Valid(src):
		return nil, fail("this is not a text file (it has bytes that are not UTF-8 text); is it the right file?")
	}
	text := string(bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF")))

	// One parse serves both decodings: the raw tables the strict walk checks,
	// then the Plan (parsing is nine tenths of decoding).
	var parsed toml.Primitive
	md, err := toml.Decode(text, &parsed)
	if err != nil {
		return nil, syntaxError(name, text, err)
	}
	var raw map[string]any
	if err := md.PrimitiveDecode(parsed, &raw); err != nil {
		return nil, syntaxError(name, text, err)
	}
	l := &loader{file: name, pos: keyPositions(text)}
	l.walk(raw, reflect.TypeFor[Plan](), "")
	if len(l.errs) > 0 {
		return nil, l.result()
	}
	var p Plan
	if err := md.PrimitiveDecode(parsed, &p); err != nil {
		// The walk above accepts only what decodes; reaching here is a bug in it.
		return nil, fail(fmt.Sprintf("internal error decoding the plan: %v", err))
	}
	base := filepath.Base(name)
	p.Source = Source{
		Path: name,
		Dir:  filepath.Dir(name),
		Name: strings.TrimSuffix(base, filepath.Ext(base)),
		Pos:  l.pos,
		Pics: map[string]*Image{},
	}
	l.validate(&p, pics)
	if len(l.errs) > 0 {
		return nil, l.result()
	}
	return &p, nil
}

func syntaxError(name, text string, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := pe.Message
		if pe.LastKey != "" && !strings.Contains(msg, pe.LastKey) {
			msg += fmt.Sprintf(" (after key %q)", pe.LastKey)
		}
		pos := Pos{pe.Position.Line, charColumn(text, pe.Position.Line, pe.Position.Col)}
		return Errors{{File: name, Pos: pos, Msg: "TOML syntax: " + msg}}
	}
	return Errors{{File: name, Msg: "TOML syntax: " + err.Error()}}
}

type loader struct {
	file string
	pos  map[string]Pos
	errs Errors
}

func (l *loader) result() error {
	sort.SliceStable(l.errs, func(i, j int) bool {
		a, b := l.errs[i].Pos, l.errs[j].Pos
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	return l.errs
}

// errorf records a problem at key path. The place is the key's own, or that of the
// nearest enclosing key that was written (a missing key has no place of its own).
func (l *loader) errorf(path, format string, args ...any) {
	l.errs = append(l.errs, &Error{File: l.file, Pos: l.posOf(path), Key: path, Msg: fmt.Sprintf(format, args...)})
}

func (l *loader) posOf(path string) Pos { return locate(l.pos, path) }

var (
	unmarshalerType = reflect.TypeFor[toml.Unmarshaler]()
	timeType        = reflect.TypeFor[time.Time]()
)

// walk checks a decoded TOML value against the Go type it will decode into, so that
// every unknown key and wrong type is reported with its line, all at once.
func (l *loader) walk(v any, t reflect.Type, path string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if m, ok := v.(map[string]any); ok && t.Kind() == reflect.Struct && t != timeType && t != reflect.TypeFor[Date]() {
		l.walkTable(m, t, path)
		return
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		u := reflect.New(t).Interface().(toml.Unmarshaler)
		if err := u.UnmarshalTOML(v); err != nil {
			l.errorf(path, "%v", err)
		}
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		l.errorf(path, "expected a table, found %s", kindOf(v))
	case reflect.Slice:
		var elems []any
		switch x := v.(type) {
		case []any:
			elems = x
		case []map[string]any:
			for _, m := range x {
				elems = append(elems, m)
			}
		default:
			l.errorf(path, "expected a list [ ... ], found %s", kindOf(v))
			return
		}
		for i, e := range elems {
			l.walk(e, t.Elem(), path+"["+strconv.Itoa(i)+"]")
		}
	case reflect.String:
		if _, ok := v.(string); !ok {
			l.errorf(path, "expected text in quotes, found %s", kindOf(v))
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			l.errorf(path, "expected true or false, found %s", kindOf(v))
		}
	case reflect.Int:
		n, ok := v.(int64)
		switch {
		case !ok:
			l.errorf(path, "expected a whole number, found %s", kindOf(v))
		case n < 0 || n > 1_000_000:
			l.errorf(path, "%d is out of range (0 to 1000000)", n)
		}
	default:
		l.errorf(path, "internal error: no check for Go type %s", t)
	}
}

func (l *loader) walkTable(m map[string]any, t reflect.Type, path string) {
	fields := tomlFields(t)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		sub := join(path, k)
		f, ok := fields[k]
		if !ok {
			names := make([]string, 0, len(fields))
			for n := range fields {
				names = append(names, n)
			}
			msg := fmt.Sprintf("unknown key %q", k)
			if s := closest(k, names); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			l.errs = append(l.errs, &Error{File: l.file, Pos: l.posOf(sub), Key: sub, Msg: msg})
			continue
		}
		l.walk(m[k], f.Type, sub)
	}
}

// tomlFields is the fields of struct type t by their TOML names. The walk asks
// for the fields of a type at every table of it (each item of every list), so
// they are found once per type and process, and shared read-only.
func tomlFields(t reflect.Type) map[string]reflect.StructField {
	if m, ok := fieldsByType.Load(t); ok {
		return m.(map[string]reflect.StructField)
	}
	m, _ := fieldsByType.LoadOrStore(t, readTOMLFields(t))
	return m.(map[string]reflect.StructField)
}

// fieldsByType caches tomlFields: reflect.Type to map[string]reflect.StructField.
var fieldsByType sync.Map

func readTOMLFields(t reflect.Type) map[string]reflect.StructField {
	out := map[string]reflect.StructField{}
	for i := range t.NumField() {
		if f := t.Field(i); FieldKey(f) != "" {
			out[FieldKey(f)] = f
		}
	}
	return out
}

// closest suggests the known name nearest to a misspelt one, if near enough.
func closest(word string, names []string) string {
	sort.Strings(names)
	best, bestD := "", len(word)/2+2
	for _, n := range names {
		if d := editDistance(word, n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
