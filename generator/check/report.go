package check

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Result is the findings for one plan file, as WriteJSON writes them.
//
// JSON shape (field order is fixed; findings is [] when there are none):
//
//	[
//	  {
//	    "file": "samples/amira.toml",
//	    "blockers": 1,
//	    "advice": 0,
//	    "findings": [
//	      {
//	        "id": "c1-no-strengths",
//	        "severity": "blocker",
//	        "criterion": 1,
//	        "area": "criterion 1: who you are",
//	        "message": "The plan does not say what Amira is good at. …",
//	        "file": "samples/amira.toml",
//	        "line": 12,
//	        "column": 1,
//	        "key": "about.good_at"
//	      }
//	    ]
//	  }
//	]
//
// "line" and "column" are left out when the finding has no place in the file (the
// section it concerns was not written at all); "key" then names where to add it.
type Result struct {
	File     string    `json:"file"`
	Blockers int       `json:"blockers"`
	Advice   int       `json:"advice"`
	Findings []Finding `json:"findings"`
}

// NewResult counts a plan's findings into a Result.
func NewResult(file string, fs []Finding) Result {
	r := Result{File: file, Findings: fs}
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	r.Blockers, r.Advice = Count(fs)
	return r
}

// Count returns the number of blockers and of advice findings.
func Count(fs []Finding) (blockers, advice int) {
	for _, f := range fs {
		if f.Severity == Blocker {
			blockers++
		} else {
			advice++
		}
	}
	return blockers, advice
}

// Summary is the one-line count, e.g. "2 blockers, 1 advice".
func Summary(fs []Finding) string {
	b, a := Count(fs)
	s := "s"
	if b == 1 {
		s = ""
	}
	return fmt.Sprintf("%d blocker%s, %d advice", b, s, a)
}

// WriteJSON writes results as a JSON array of Result, indented by two spaces.
func WriteJSON(w io.Writer, results []Result) error {
	out := make([]Result, len(results))
	for i, r := range results {
		out[i] = r
		if out[i].Findings == nil {
			out[i].Findings = []Finding{}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// criterionName heads the text report's groups; "" for no criterion.
func criterionName(n int) string {
	names := [...]string{
		1:  "who you are, what you are good at, what you have achieved",
		2:  "what is important to you",
		3:  "what is important for you",
		4:  "what you want to change",
		5:  "how you want to be supported",
		6:  "how you will spend your budget",
		7:  "how your budget will be managed",
		8:  "how you will gain more control of your life",
		9:  "how and where you learn best",
		10: "the action plan",
	}
	if n < 1 || n >= len(names) {
		return ""
	}
	return names[n]
}

// group is the heading a finding is listed under in the text report.
func group(f Finding) string {
	if name := criterionName(f.Criterion); name != "" {
		return fmt.Sprintf("Criterion %d: %s", f.Criterion, name)
	}
	if f.Area == "" {
		return "Other"
	}
	return strings.ToUpper(f.Area[:1]) + f.Area[1:]
}

// WriteText writes a readable report of one plan's findings, grouped by criterion
// (good practice and the rest after criterion 10), each with file:line, severity,
// id and key, then the message; and last a summary line "N blockers, M advice".
func WriteText(w io.Writer, file string, fs []Finding) error {
	sorted := slices.Clone(fs)
	slices.SortStableFunc(sorted, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(criterionOrder(a.Criterion), criterionOrder(b.Criterion)),
			cmp.Compare(groupOrder(a), groupOrder(b)),
		)
	})
	var b strings.Builder
	if len(sorted) == 0 {
		fmt.Fprintf(&b, "%s: no findings: nothing the checks can see would stop the panel agreeing this plan.\n", file)
	}
	last := ""
	for _, f := range sorted {
		if g := group(f); g != last {
			if last != "" {
				b.WriteString("\n")
			}
			b.WriteString(g + "\n")
			last = g
		}
		where := f.File
		if where == "" {
			where = file
		}
		if f.Line > 0 {
			where += fmt.Sprintf(":%d", f.Line)
			if f.Column > 0 {
				where += fmt.Sprintf(":%d", f.Column)
			}
		}
		tag := ""
		if f.Area == areaWording || f.Area == areaConsistency {
			tag = " (" + f.Area + ")"
		}
		fmt.Fprintf(&b, "  %s: %s%s [%s] %s\n      %s\n", where, f.Severity, tag, f.ID, f.Key, f.Message)
	}
	if len(sorted) > 0 {
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%s: %s\n", file, Summary(fs))
	_, err := io.WriteString(w, b.String())
	return err
}

// groupOrder orders criterion 0's groups: good practice, consistency, then the rest.
func groupOrder(f Finding) int {
	if f.Criterion != 0 {
		return 0
	}
	switch f.Area {
	case areaPractice:
		return 0
	case areaConsistency:
		return 1
	case areaPrivacy:
		return 2
	case areaInformation:
		return 3
	default:
		return 4
	}
}
