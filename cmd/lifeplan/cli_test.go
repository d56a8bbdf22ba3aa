package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// lifeplan builds the command once per test run, so exit codes are tested as a
// shell sees them.
func lifeplan(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "lifeplan")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func runBin(t *testing.T, bin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

func TestExitCodes(t *testing.T) {
	bin := lifeplan(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte("[person]\nname = \"A\"\n[budget]\ncontigency = 1\n"), 0o644)
	amira := filepath.Join("..", "..", "samples", "amira.toml")
	sam := filepath.Join("..", "..", "samples", "sam.toml")
	out := filepath.Join(dir, "out")
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"no arguments", nil, 2, "", "Usage:"},
		{"unknown command", []string{"draw"}, 2, "", `unknown command "draw"`},
		{"help", []string{"--help"}, 0, "lifeplan render", ""},
		{"render help", []string{"render", "--help"}, 0, "--templates", ""},
		{"version", []string{"version"}, 0, "lifeplan ", ""},
		{"render without a plan", []string{"render"}, 2, "", "name at least one plan"},
		{"unknown flag", []string{"render", "--colour", amira}, 2, "", "unknown flag"},
		{"unknown document", []string{"render", "--doc", "leaflet", amira}, 2, "", `"leaflet" is not one of`},
		{"unknown format", []string{"render", "--format", "odt", amira}, 2, "", `"odt" is not one of`},
		{"missing plan", []string{"render", "--out", out, filepath.Join(dir, "none.toml")}, 2, "", "none.toml: cannot read the plan"},
		{"bad plan", []string{"render", "--out", out, bad}, 2, "", `bad.toml:4:1: budget.contigency: unknown key "contigency" (did you mean "contingency"?)`},
		{"render one document", []string{"render", "--out", out, "--doc", "housing-spec", "--format", "pdf", amira}, 0, "housing-spec.pdf", ""},
		{"check a good plan", []string{"check", amira}, 0, "0 blockers", ""},
		{"check a draft", []string{"check", sam}, 1, "blocker", ""},
		{"check a bad plan", []string{"check", bad}, 2, "", "unknown key"},
		{"check json", []string{"check", "--format", "json", amira, sam}, 1, `"findings"`, ""},
		{"budget", []string{"budget", amira}, 0, "Agreed allocation £41,500.00", ""},
		{"budget csv", []string{"budget", "--format", "csv", amira}, 0, "kind,id,what,category,funder,basis,year1,year2,year3", ""},
		{"budget bad format", []string{"budget", "--format", "xml", amira}, 2, "", "--format must be"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runBin(t, bin, tc.args...)
			if code != tc.code {
				t.Errorf("exit code %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, stdout, stderr)
			}
			if !strings.Contains(stdout, tc.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tc.stdout, stdout)
			}
			if !strings.Contains(stderr, tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, stderr)
			}
		})
	}
	// A plan that fails to load leaves no output behind.
	if _, err := os.Stat(filepath.Join(out, "bad")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("output folder for a bad plan exists: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Join(out, "amira"))
	if len(entries) != 1 || entries[0].Name() != "housing-spec.pdf" {
		t.Errorf("render --doc housing-spec --format pdf wrote %v", entries)
	}
}

func TestCheckJSONShape(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"check", "--format", "json", filepath.Join("..", "..", "samples", "sam.toml")}, &stdout, &stderr)
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var results []struct {
		File     string `json:"file"`
		Blockers int    `json:"blockers"`
		Advice   int    `json:"advice"`
		Findings []struct {
			ID        string `json:"id"`
			Severity  string `json:"severity"`
			Criterion int    `json:"criterion"`
			Message   string `json:"message"`
			File      string `json:"file"`
			Key       string `json:"key"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &results); err != nil {
		t.Fatal(err)
	}
	if len(results) != 1 || results[0].Blockers == 0 || len(results[0].Findings) == 0 {
		t.Fatalf("results %+v", results)
	}
	for _, f := range results[0].Findings {
		if f.ID == "" || (f.Severity != "blocker" && f.Severity != "advice") || f.Message == "" || f.Key == "" {
			t.Errorf("incomplete finding %+v", f)
		}
	}
}

// TestRenderEasyReadAndProfile: the two documents for the person and everyone who
// supports them are written in both formats, and --doc all includes them.
func TestRenderEasyReadAndProfile(t *testing.T) {
	bin := lifeplan(t)
	out := t.TempDir()
	amira := filepath.Join("..", "..", "samples", "amira.toml")
	stdout, stderr, code := runBin(t, bin, "render", "--out", out, "--doc", "easy-read,one-page-profile", amira)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got []string
	entries, _ := os.ReadDir(filepath.Join(out, "amira"))
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want := []string{"easy-read.docx", "easy-read.pdf", "one-page-profile.docx", "one-page-profile.pdf"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("wrote %v, want %v\n%s", got, want, stdout)
	}
	help, _, _ := runBin(t, bin, "render", "--help")
	if !strings.Contains(help, "easy-read, one-page-profile") {
		t.Errorf("render --help does not list the new documents:\n%s", help)
	}
}

// TestBrandFile: --brand puts a council's branding on every document of every plan;
// an accent too light to read is refused with the file and line, before anything
// is written.
func TestBrandFile(t *testing.T) {
	bin := lifeplan(t)
	dir := t.TempDir()
	brand := filepath.Join(dir, "council.toml")
	sam := filepath.Join("..", "..", "samples", "sam.toml")
	out := filepath.Join(dir, "out")
	os.WriteFile(brand, []byte("[organisation]\nname = \"Example Council\"\naccent = \"#ffcc00\"\n"), 0o644)
	_, stderr, code := runBin(t, bin, "render", "--brand", brand, "--out", out, sam)
	if code != 2 || !strings.Contains(stderr, "council.toml:3:1: organisation.accent: #ffcc00 has a contrast of 1.5:1") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("output written despite the bad branding file: %v", err)
	}
	os.WriteFile(brand, []byte("[organisation]\nname = \"Example Council\"\naccent = \"#00703c\"\ncontact = \"0300 000 0000\"\n"), 0o644)
	if _, stderr, code = runBin(t, bin, "render", "--brand", brand, "--doc", "housing-spec", "--format", "html", "--out", out, sam); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	html, err := os.ReadFile(filepath.Join(out, "sam", "housing-spec.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Example Council", "0300 000 0000", "--accent:#00703c"} {
		if !bytes.Contains(html, []byte(want)) {
			t.Errorf("the HTML lacks %q", want)
		}
	}
}
