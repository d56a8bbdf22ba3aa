package plan

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func pngBytes(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.RGBA{200, 100, 50, 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestLoadErrors covers every kind of load error: each case's plan must fail with
// messages that name the line (and column) and the key.
func TestLoadErrors(t *testing.T) {
	pics := fstest.MapFS{
		"images/ok.png":  {Data: pngBytes(t, 20, 10)},
		"images/bad.png": {Data: []byte("not a png")},
		"images/dir":     {Mode: os.ModeDir},
	}
	for _, tc := range []struct {
		name string
		src  string
		want []string // substrings, one error each, in order
	}{
		{"empty file", "", []string{"test.toml: the file is empty"}},
		{"only comments", "# nothing\n\n", []string{"test.toml: person.name: the person's name is required"}},
		{"binary", "\x00\x01\x02PNG", []string{"not a text file"}},
		{"invalid utf-8", "[person]\nname = \"\xff\"\n", []string{"not a text file"}},
		{"syntax", "[person]\nname = \n", []string{"test.toml:2:8: TOML syntax"}},
		{"missing name", "[plan]\nversion = \"1\"\n", []string{"test.toml: person.name: the person's name is required"}},
		{"blank name", "[person]\nname = \"  \"\n", []string{"test.toml:2:1: person.name: the person's name is required"}},
		{"unknown key with suggestion", "[person]\nname = \"A\"\n[budget]\n[budget.contigency]\namount = \"1.00\"\n",
			[]string{`test.toml:4:1: budget.contigency: unknown key "contigency" (did you mean "contingency"?)`}},
		{"unknown top-level key", "favourite = 1\n[person]\nname = \"A\"\n", []string{`test.toml:1:1: favourite: unknown key "favourite"`}},
		{"unknown key in array table", "[person]\nname = \"A\"\n[[changes]]\nwhat = \"x\"\n[[changes]]\nwaht = \"y\"\n",
			[]string{`test.toml:6:1: changes[1].waht: unknown key "waht" (did you mean "what"?)`}},
		{"unknown key in item table", "[person]\nname = \"A\"\n[about]\ngood_at = [{ text = \"x\", pic = \"y\" }]\n",
			[]string{`test.toml:4:26: about.good_at[0].pic: unknown key "pic"`}},
		{"wrong type string", "[person]\nname = 42\n", []string{"test.toml:2:1: person.name: expected text in quotes, found an integer"}},
		{"wrong type list", "[person]\nname = \"A\"\n[about]\ngood_at = \"swimming\"\n", []string{"about.good_at: expected a list"}},
		{"wrong type table", "person = \"A\"\n", []string{"person: expected a table, found text"}},
		{"wrong type bool", "[person]\nname = \"A\"\n[[risks]]\nwhat = \"x\"\nprivate = \"yes\"\n", []string{"test.toml:5:1: risks[0].private: expected true or false"}},
		{"bad date", "[person]\nname = \"A\"\ndate_of_birth = \"14/09/2007\"\n", []string{"test.toml:3:1: person.date_of_birth: \"14/09/2007\" is not a date"}},
		{"date and time", "[person]\nname = \"A\"\ndate_of_birth = 2007-09-14T10:00:00\n", []string{"found a date and time"}},
		{"bad enum", "[plan]\nstatus = \"final\"\n[person]\nname = \"A\"\n", []string{`test.toml:2:1: plan.status: "final" is not one of "draft", "submitted", "agreed"`}},
		{"money with pound sign", "[person]\nname = \"A\"\n[budget]\nallocation = \"£40,000\"\n", []string{`test.toml:4:1: budget.allocation: "£40,000": write an amount of money without a currency sign`}},
		{"money too precise", "[person]\nname = \"A\"\n[budget]\nallocation = \"12.345\"\n", []string{"more than 2 decimal places"}},
		{"money float too precise", "[person]\nname = \"A\"\n[budget]\nallocation = 12.345\n", []string{"more than 2 decimal places"}},
		{"money negative", "[person]\nname = \"A\"\n[budget]\nallocation = -5\n", []string{"cannot be negative"}},
		{"money overflow", "[person]\nname = \"A\"\n[budget]\nallocation = \"99999999999999999999\"\n", []string{"too large"}},
		{"duplicate id", "[person]\nname = \"A\"\n[[outcomes]]\nid = \"bus\"\n[[outcomes]]\nid = \"bus\"\n", []string{`test.toml:6:1: outcomes[1].id: id "bus" is used twice`}},
		{"bad id", "[person]\nname = \"A\"\n[[outcomes]]\nid = \"Bus Trip\"\n", []string{`is not a usable id`}},
		{"dangling id", "[person]\nname = \"A\"\n[[outcomes]]\nid = \"bus\"\n[[changes]]\nid = \"move\"\nlearning = [\"buss\"]\n",
			[]string{`test.toml:7:13: changes[0].learning[0]: no outcome has the id "buss" (did you mean "bus"?)`}},
		{"dangling action change", "[person]\nname = \"A\"\n[action_plan]\n[[action_plan.actions]]\nwhat = \"x\"\nchange = \"nowhere\"\n",
			[]string{`test.toml:6:1: action_plan.actions[0].change: no change has the id "nowhere"`}},
		{"budget line without cost", "[person]\nname = \"A\"\n[[budget.lines]]\nwhat = \"x\"\n", []string{"test.toml:3:1: budget.lines[0]: the line has no cost"}},
		{"budget line costed twice", "[person]\nname = \"A\"\n[[budget.lines]]\nwhat = \"x\"\none_off = \"1.00\"\nper_night = \"2.00\"\nnights_per_week = 1\n",
			[]string{"costed 2 ways"}},
		{"picture missing", "[person]\nname = \"A\"\nphoto = \"images/none.png\"\nphoto_alt = \"me\"\n", []string{`test.toml:3:1: person.photo: picture "images/none.png" was not found`}},
		{"picture outside folder", "[person]\nname = \"A\"\nphoto = \"../secret.png\"\nphoto_alt = \"me\"\n", []string{"is outside the plan's folder"}},
		{"picture absolute", "[person]\nname = \"A\"\nphoto = \"/etc/passwd\"\nphoto_alt = \"me\"\n", []string{"is outside the plan's folder"}},
		{"picture not an image", "[person]\nname = \"A\"\nphoto = \"images/bad.png\"\nphoto_alt = \"me\"\n", []string{"is not a PNG or JPEG"}},
		{"picture is a folder", "[person]\nname = \"A\"\nphoto = \"images/dir\"\nphoto_alt = \"me\"\n", []string{"is a folder"}},
		{"picture without alt", "[person]\nname = \"A\"\nphoto = \"images/ok.png\"\n", []string{"needs alternative text"}},
		{"several errors together", "[person]\nname = 1\nnmae = \"x\"\n[plan]\nvresion = 2\n",
			[]string{"test.toml:2:1: person.name", "test.toml:3:1: person.nmae", "test.toml:5:1: plan.vresion"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Parse("test.toml", []byte(tc.src), pics)
			if err == nil {
				t.Fatalf("loaded %+v, want an error", p.Person)
			}
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("error %T is not Errors: %v", err, err)
			}
			if len(es) != len(tc.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(es), len(tc.want), err)
			}
			for i, w := range tc.want {
				if !strings.Contains(es[i].Error(), w) {
					t.Errorf("error %d = %q, want it to contain %q", i, es[i].Error(), w)
				}
			}
		})
	}
}

func TestLoadGood(t *testing.T) {
	pics := fstest.MapFS{"images/me.png": {Data: pngBytes(t, 40, 30)}}
	src := `[plan]
written = 2026-09-14
[person]
name = "Amira"
photo = "images/me.png"
photo_alt = "Amira smiling"
[about]
good_at = ["Swimming", { text = "Baking", private = true }]
[[budget.lines]]
what = "Course"
one_off = 250
`
	p, err := Parse("dir/amira.toml", []byte(src), pics)
	if err != nil {
		t.Fatal(err)
	}
	if p.Plan.Title != DefaultTitle || p.Plan.Classification != DefaultClassification || p.Plan.Status != StatusDraft {
		t.Errorf("defaults not applied: %+v", p.Plan)
	}
	if p.Source.Name != "amira" || p.Source.Pics["images/me.png"].Width != 40 {
		t.Errorf("source %+v", p.Source)
	}
	if got := p.About.GoodAt; len(got) != 2 || got[1].Text != "Baking" || !got[1].Private {
		t.Errorf("items %+v", got)
	}
	if p.Budget.Lines[0].OneOff != 25000 || p.Budget.Lines[0].People != 1 {
		t.Errorf("line %+v", p.Budget.Lines[0])
	}
	if pos := p.Source.Pos["about.good_at[1].private"]; pos != (Pos{8, 43}) {
		t.Errorf("position of good_at[1].private = %v", pos)
	}
}

func TestLoadFromDisk(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.png")
	if err := os.WriteFile(outside, pngBytes(t, 5, 5), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "link.png")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	plan := filepath.Join(dir, "p.toml")
	os.WriteFile(plan, []byte("[person]\nname = \"A\"\nphoto = \"link.png\"\nphoto_alt = \"x\"\n"), 0o644)
	_, err := Load(plan)
	if err == nil || !strings.Contains(err.Error(), "outside the plan's folder") {
		t.Errorf("a link out of the folder: got %v", err)
	}
	if _, err := Load(filepath.Join(dir, "missing.toml")); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: got %v", err)
	}
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("folder: got %v", err)
	}
	huge := filepath.Join(dir, "huge.toml")
	os.WriteFile(huge, bytes.Repeat([]byte("# long comment line\n"), MaxPlanSize/10), 0o644)
	if _, err := Load(huge); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("huge file: got %v", err)
	}
}

// FuzzParse: no input may panic the loader, and every failure is a list of errors
// that each name the file.
func FuzzParse(f *testing.F) {
	f.Add([]byte("[person]\nname = \"A\"\n"))
	f.Add([]byte("[person]\nname = \"A\"\n[[changes]]\nid = \"x\"\nlearning = [\"y\"]\n[[changes.milestones]]\nby = 2026-01-01\n"))
	f.Add([]byte("[about]\ngood_at = [\"a\", { text = \"b\", picture = \"p.png\" }]\n"))
	f.Add([]byte("[budget]\nallocation = 12.5\n[[budget.lines]]\nwhat = \"x\"\npa = true\nhourly_rate = \"13\"\nhours_per_week = 20\n"))
	f.Add([]byte("a = \"\"\"\nmulti\n\"\"\"\n[x.y]\nz = { q = [1, { r = 2 }] }\n"))
	pics := fstest.MapFS{"p.png": {Data: pngBytes(f, 3, 3)}}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := Parse("fuzz.toml", src, pics)
		if err == nil {
			if strings.TrimSpace(p.Person.Name) == "" {
				t.Fatal("loaded a plan without a name")
			}
			return
		}
		var es Errors
		if !errors.As(err, &es) || len(es) == 0 {
			t.Fatalf("error %T is not Errors: %v", err, err)
		}
		for _, e := range es {
			if !strings.HasPrefix(e.Error(), "fuzz.toml") {
				t.Fatalf("error does not name the file: %q", e.Error())
			}
		}
	})
}

// TestReadAtMost: a source is read whole up to the limit, one byte past it
// otherwise, whatever size its file claimed.
func TestReadAtMost(t *testing.T) {
	for _, c := range []struct {
		name        string
		n, size     int
		limit, want int
	}{
		{"size known", 1000, 1000, 4096, 1000},
		{"size unknown", 1000, 0, 4096, 1000},
		{"file grew since its size was read", 3000, 1000, 4096, 3000},
		{"file shrank", 10, 1000, 4096, 10},
		{"exactly the limit", 4096, 4096, 4096, 4096},
		{"past the limit: one byte more than it", 9000, 9000, 4096, 4097},
		{"past the limit, size unknown", 9000, 0, 4096, 4097},
		{"empty", 0, 0, 4096, 0},
	} {
		src := bytes.Repeat([]byte("x"), c.n)
		got, err := readAtMost(bytes.NewReader(src), int64(c.size), int64(c.limit))
		if err != nil || len(got) != c.want {
			t.Errorf("%s: read %d bytes (%v), want %d", c.name, len(got), err, c.want)
		}
	}
}
