package plan_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"lifeplan/generator/plan"
)

// at finds where marker starts on its line, with the column in characters.
func at(t *testing.T, src, marker string) plan.Pos {
	t.Helper()
	src = strings.TrimPrefix(src, "\ufeff")
	i := strings.Index(src, marker)
	if i < 0 {
		t.Fatalf("marker %q not in source", marker)
	}
	line := strings.Count(src[:i], "\n") + 1
	start := strings.LastIndex(src[:i], "\n") + 1
	return plan.Pos{Line: line, Col: utf8.RuneCountInString(src[start:i]) + 1}
}

// TestLocateEverySpelling: the same keys, written in many valid TOML styles, are
// found where they were written.
func TestLocateEverySpelling(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		keys      map[string]string // key path → the text it starts at
	}{
		{"plain", "[person]\nname = \"Jo\"\n[about]\ngood_at = [\"a\", \"b\"]\n",
			map[string]string{"person.name": "name", "about.good_at": "good_at", "about.good_at[1]": `"b"`}},
		{"quoted key", "[person]\n\"name\" = \"Jo\"\n", map[string]string{"person.name": `"name"`}},
		{"literal key", "[person]\n'name' = 'Jo'\n", map[string]string{"person.name": `'name'`}},
		{"escaped key", "[person]\n\"\\u006Eame\" = \"Jo\"\n[about]\n\"good\\u005Fat\" = [\"a\"]\n",
			map[string]string{"person.name": `"\u006Eame"`, "about.good_at": `"good\u005Fat"`}},
		{"long escape", "[person]\n\"\\U0000006Eame\" = \"Jo\"\n", map[string]string{"person.name": `"\U0000006Eame"`}},
		{"escaped table name", "[\"p\\u0065rson\"]\nname = \"Jo\"\n", map[string]string{"person": `["p`, "person.name": "name"}},
		{"dotted keys", "person.name = \"Jo\"\nabout . good_at = [\"a\"]\n",
			map[string]string{"person.name": "person.name", "about.good_at": "about . good_at"}},
		{"inline table", "person = { preferred_name = \"Zoë Ōkafor\", name = \"Jo\" }\n",
			map[string]string{"person": "person", "person.name": `name = "Jo"`}},
		{"accented text before", "[person]\npreferred_name = \"Zoë\"; name = 1\n", nil},
		{"CRLF", "[person]\r\nname = \"Jo\"\r\n[about]\r\ngood_at = [\"a\"]\r\n",
			map[string]string{"person.name": "name", "about.good_at": "good_at"}},
		{"BOM", "\ufeff[person]\nname = \"Jo\"\n", map[string]string{"person": "[person]", "person.name": "name"}},
		{"shuffled tables", "[about]\ngood_at = [\"a\"]\n[person]\nname = \"Jo\"\n",
			map[string]string{"person.name": "name", "about.good_at": "good_at"}},
		{"multi-line strings", "[about]\nwho_i_am = \"\"\"\nname = \"not a key\"\n\"\"\"\n[person]\nname = '''Jo'''\n",
			map[string]string{"person.name": "name = '''", "about.who_i_am": "who_i_am"}},
		{"array of tables with an escaped name", "[person]\nname = \"Jo\"\n[[\"ch\\u0061nges\"]]\nwhat = \"x\"\n[[changes]]\nwhat = \"y\"\n",
			map[string]string{"changes[0].what": `what = "x"`, "changes[1].what": `what = "y"`}},
		{"a missing key points at its table", "[person]\nname = \"Jo\"\n[about]\nwho_i_am = \"x\"\n",
			map[string]string{"about.good_at": "[about]", "about.good_at[3].text": "[about]"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := plan.Parse("spelling.toml", []byte(tc.src), os.DirFS(t.TempDir()))
			if tc.keys == nil {
				// A syntax error after accented text: the column counts characters.
				var es plan.Errors
				if !errors.As(err, &es) || len(es) == 0 {
					t.Fatalf("err = %v", err)
				}
				if want := at(t, tc.src, "; name"); es[0].Pos != want {
					t.Errorf("syntax error at %v, want %v (characters, not bytes): %v", es[0].Pos, want, es[0])
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for key, marker := range tc.keys {
				if got, want := p.Locate(key), at(t, tc.src, marker); got != want {
					t.Errorf("Locate(%q) = %v, want %v", key, got, want)
				}
			}
		})
	}
}

// TestErrorAtEscapedKey: a wrong value under an escaped key is reported at that
// key's own line, not its table's.
func TestErrorAtEscapedKey(t *testing.T) {
	src := "[person]\nname = \"Zoë\"\n[about]\nwho_i_am = \"x\"\n\"g\\u006Fod_at\" = 3\n"
	_, err := plan.Parse("e.toml", []byte(src), os.DirFS(t.TempDir()))
	if err == nil || !strings.HasPrefix(err.Error(), "e.toml:5:1: about.good_at: expected a list") {
		t.Errorf("err = %v", err)
	}
}

func TestLocateNothingWritten(t *testing.T) {
	p, err := plan.Parse("n.toml", []byte("[person]\nname = \"Jo\"\n"), os.DirFS(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Locate("budget.lines[0].what"); got != (plan.Pos{}) {
		t.Errorf("Locate of an unwritten table = %v, want none", got)
	}
}
