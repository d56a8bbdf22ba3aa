package testtools

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// PDFCheckEnv names the environment variable that holds the path of the
// installed pdf.js checker, pdfcheck.mjs: shared/tools/pdfcheck copied to a
// folder of its own and installed there with "npm ci" (see its README and
// .ci/run), since the shared folder is read-only.
const PDFCheckEnv = "LIFEPLAN_PDFCHECK"

// taggedYes is pdfinfo's line for a file with a structure tree.
var taggedYes = regexp.MustCompile(`(?m)^Tagged:\s+yes$`)

// CheckPDF checks PDF files with every checker that is installed:
//
//   - qpdf --check: the file's syntax, cross-reference table and streams;
//   - pdffonts: every font is embedded;
//   - pdfinfo: the file says "Tagged: yes";
//   - pdfcheck (node $LIFEPLAN_PDFCHECK): how pdf.js, behind Firefox's
//     accessibility tree, reads the tags: all content marked, Figures with
//     alternative text, /Lang, title, no page ending in a heading;
//   - pdfcpu validate -m strict: conformance to ISO 32000-1 (PDF 1.7).
//
// pdfcheck and pdfcpu run once for all the files. A checker that is missing is
// logged and left out, so the other checks still run, unless
// LIFEPLAN_REQUIRE_TOOLS=1, when a missing checker fails the test; when none
// is installed the test is skipped.
func CheckPDF(t testing.TB, paths ...string) {
	t.Helper()
	if len(paths) == 0 {
		t.Fatal("CheckPDF: no files to check")
	}
	ran := 0
	missing := func(what string) {
		t.Helper()
		if os.Getenv("LIFEPLAN_REQUIRE_TOOLS") == "1" {
			t.Errorf("%s is required (LIFEPLAN_REQUIRE_TOOLS=1) but not installed", what)
			return
		}
		t.Logf("%s not installed: that check is left out; set LIFEPLAN_REQUIRE_TOOLS=1 to require it", what)
	}
	perFile := []struct {
		tool  string
		args  []string
		check func(out []byte) string // what is wrong, or ""
	}{
		{"qpdf", []string{"--check"}, nil},
		{"pdffonts", nil, notEmbedded},
		{"pdfinfo", nil, func(out []byte) string {
			if !taggedYes.Match(out) {
				return "pdfinfo does not say \"Tagged: yes\""
			}
			return ""
		}},
	}
	for _, c := range perFile {
		path, err := exec.LookPath(c.tool)
		if err != nil {
			missing(c.tool)
			continue
		}
		ran++
		for _, pdf := range paths {
			out, err := exec.Command(path, append(c.args, pdf)...).CombinedOutput()
			switch {
			case err != nil:
				t.Errorf("%s %s: %v\n%s", c.tool, pdf, err, out)
			case c.check != nil:
				if msg := c.check(out); msg != "" {
					t.Errorf("%s: %s\n%s", pdf, msg, out)
				}
			}
		}
	}
	if checkAll(t, "pdfcheck", pdfcheckCommand(), paths, missing) {
		ran++
	}
	if checkAll(t, "pdfcpu", pdfcpuCommand(), paths, missing) {
		ran++
	}
	if ran == 0 {
		t.Skip("no PDF checker installed")
	}
}

// checkAll runs a checker that takes many files once; command is nil when the
// checker is not installed. It reports whether the checker ran.
func checkAll(t testing.TB, name string, command []string, paths []string, missing func(string)) bool {
	t.Helper()
	if command == nil {
		missing(name)
		return false
	}
	args := append(command[1:len(command):len(command)], paths...)
	out, err := exec.Command(command[0], args...).CombinedOutput()
	if err != nil {
		t.Errorf("%s: %v\n%s", strings.Join(command, " "), err, out)
	}
	return true
}

// pdfcheckCommand is how to run the pdf.js checker, or nil.
func pdfcheckCommand() []string {
	script := os.Getenv(PDFCheckEnv)
	if script == "" {
		return nil
	}
	node, err := exec.LookPath("node")
	if err != nil {
		return nil
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(script), "node_modules", "pdfjs-dist")); err != nil {
		return nil // not installed with npm ci
	}
	return []string{node, script}
}

// pdfcpuCommand is how to run pdfcpu's strict validation, or nil. The
// configuration folder is disabled so that no test writes to the home folder.
func pdfcpuCommand() []string {
	path, err := exec.LookPath("pdfcpu")
	if err != nil {
		return nil
	}
	return []string{path, "validate", "--conf", "disable", "--offline", "-m", "strict"}
}

// notEmbedded reads pdffonts' table and names the fonts that are not embedded.
// The columns are where the line of dashes under the heading puts them.
func notEmbedded(out []byte) string {
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[1], "---") {
		return "pdffonts printed no table"
	}
	var cols [][2]int // start and end of each column
	for i := 0; i < len(lines[1]); {
		j := i
		for j < len(lines[1]) && lines[1][j] == '-' {
			j++
		}
		cols = append(cols, [2]int{i, j})
		i = j + 1
	}
	const name, emb = 0, 3
	if len(cols) <= emb || strings.TrimSpace(lines[0][cols[emb][0]:min(cols[emb][1], len(lines[0]))]) != "emb" {
		return "pdffonts' table has no emb column where expected"
	}
	var bad []string
	for _, l := range lines[2:] {
		if len(l) < cols[emb][1] {
			return "pdffonts printed a short line: " + l
		}
		if strings.TrimSpace(l[cols[emb][0]:cols[emb][1]]) != "yes" {
			bad = append(bad, strings.TrimSpace(l[cols[name][0]:cols[name][1]]))
		}
	}
	if len(bad) > 0 {
		return "fonts not embedded: " + strings.Join(bad, ", ")
	}
	return ""
}
