package plandiff

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Title is the heading of the changes: "What changed since version 1.1".
func (d *Diff) Title() string {
	if d.OldVersion == "" {
		return "What changed since the last version"
	}
	return "What changed since version " + d.OldVersion
}

// WriteText writes the changes for a person to read, section by section, each
// change with its key path and, for list items, how it was matched.
func (d *Diff) WriteText(w io.Writer) error {
	var b strings.Builder
	from, to := versionWords(d.OldVersion, d.OldDate, d.OldFile), versionWords(d.NewVersion, d.NewDate, d.NewFile)
	fmt.Fprintf(&b, "What changed from %s to %s\n", from, to)
	if d.Count() == 0 {
		b.WriteString("\nNothing changed.\n")
	}
	for _, s := range d.Sections {
		fmt.Fprintf(&b, "\n%s\n", s.Name)
		for _, c := range s.Changes {
			mark := map[Kind]string{Added: "+", Removed: "-", Changed: "~"}[c.Kind]
			fmt.Fprintf(&b, "  %s %s\n      (%s", mark, c.Sentence, c.Key)
			if c.MatchedBy != "" {
				fmt.Fprintf(&b, "; matched by %s", c.MatchedBy)
			}
			b.WriteString(")\n")
		}
	}
	fmt.Fprintf(&b, "\n%s\n", countWords(d))
	_, err := io.WriteString(w, b.String())
	return err
}

func versionWords(version, date, file string) string {
	s := file
	if version != "" {
		s = "version " + version
	}
	if date != "" {
		s += " (" + date + ")"
	}
	return s
}

func countWords(d *Diff) string {
	n := map[Kind]int{}
	for _, s := range d.Sections {
		for _, c := range s.Changes {
			n[c.Kind]++
		}
	}
	plural := func(k int, word string) string {
		if k == 1 {
			return fmt.Sprintf("1 %s", word)
		}
		return fmt.Sprintf("%d %ss", k, word)
	}
	return fmt.Sprintf("%s: %d added, %d removed, %d changed.", plural(d.Count(), "change"), n[Added], n[Removed], n[Changed])
}

// WriteJSON writes the diff as one JSON object.
func (d *Diff) WriteJSON(w io.Writer) error {
	out := *d
	if out.Sections == nil {
		out.Sections = []Section{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
