package plan_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"lifeplan/generator/plan"
	"lifeplan/generator/starter"
)

// TestSchemaDescribesEveryKey: every key of the plan's Go types has a description,
// and every description names a key. When this fails after a merge, add the
// listed keys to schemaDescriptions in schema_keys.go.
func TestSchemaDescribesEveryKey(t *testing.T) {
	keys := plan.SchemaKeys()
	described := plan.SchemaDescriptionKeys()
	var missing, stale []string
	for _, k := range keys {
		if !slices.Contains(described, k) {
			missing = append(missing, k)
		}
	}
	for _, k := range described {
		if !slices.Contains(keys, k) {
			stale = append(stale, k)
		}
	}
	if len(missing) > 0 {
		t.Errorf("keys with no description (add them to schemaDescriptions):\n  %s", strings.Join(missing, "\n  "))
	}
	if len(stale) > 0 {
		t.Errorf("descriptions of keys that do not exist:\n  %s", strings.Join(stale, "\n  "))
	}
	if _, err := plan.Schema(); (err != nil) != (len(missing) > 0) {
		t.Errorf("Schema() error %v with %d keys undescribed", err, len(missing))
	}
}

func compile(t *testing.T) *jsonschema.Schema {
	t.Helper()
	src, err := plan.Schema()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("lifeplan.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("lifeplan.schema.json")
	if err != nil {
		t.Fatalf("the schema does not compile as draft 2020-12: %v", err)
	}
	return s
}

// asJSON decodes TOML the way an editor's TOML language server hands it to a JSON
// Schema validator: dates become YYYY-MM-DD strings.
func asJSON(t *testing.T, src string) any {
	t.Helper()
	var v map[string]any
	if _, err := toml.Decode(src, &v); err != nil {
		t.Fatal(err)
	}
	var conv func(any) any
	conv = func(x any) any {
		switch x := x.(type) {
		case map[string]any:
			for k, e := range x {
				x[k] = conv(e)
			}
		case []map[string]any:
			out := make([]any, len(x))
			for i, e := range x {
				out[i] = conv(e)
			}
			return out
		case []any:
			for i, e := range x {
				x[i] = conv(e)
			}
		case time.Time:
			return x.Format("2006-01-02")
		}
		return x
	}
	b, err := json.Marshal(conv(v))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestSchemaValidatesSamples(t *testing.T) {
	s := compile(t)
	day := time.Date(2026, 9, 14, 0, 0, 0, 0, time.UTC)
	starterPlan, err := starter.Plan(starter.Options{Name: "Jo Bloggs", Written: day})
	if err != nil {
		t.Fatal(err)
	}
	uncommented := strings.ReplaceAll("\n"+string(starterPlan), "\n# ", "\n")
	plans := map[string]string{"starter": string(starterPlan), "starter with every example": uncommented}
	for _, name := range []string{"amira", "sam"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "samples", name+".toml"))
		if err != nil {
			t.Fatal(err)
		}
		plans[name] = string(b)
	}
	for name, src := range plans {
		if err := s.Validate(asJSON(t, src)); err != nil {
			t.Errorf("%s does not validate: %v", name, err)
		}
	}
}

func TestSchemaRefusesBadPlans(t *testing.T) {
	s := compile(t)
	for _, tc := range []struct {
		name, src, want string
	}{
		{"unknown key", "[person]\nname = \"Jo\"\n[budget]\ncontigency = 1\n", "contigency"},
		{"unknown top-level table", "[person]\nname = \"Jo\"\n[persn]\nname = \"Jo\"\n", "persn"},
		{"bad enum", "[plan]\nstatus = \"finished\"\n[person]\nname = \"Jo\"\n", "/plan/status"},
		{"bad enum in a list", "[person]\nname = \"Jo\"\n[[risks]]\nwhat = \"x\"\nlikelihood = \"very\"\n", "/risks/0/likelihood"},
		{"bad id", "[person]\nname = \"Jo\"\n[[outcomes]]\nid = \"Bus Trip\"\n", "/outcomes/0/id"},
		{"money with a pound sign", "[person]\nname = \"Jo\"\n[budget]\nallocation = \"£100\"\n", "/budget/allocation"},
		{"money with three places", "[person]\nname = \"Jo\"\n[budget]\nallocation = \"1.005\"\n", "/budget/allocation"},
		{"text for a number", "[person]\nname = \"Jo\"\n[housing]\nbedrooms = \"two\"\n", "/housing/bedrooms"},
		{"a bad date", "[plan]\nwritten = \"14/09/2026\"\n[person]\nname = \"Jo\"\n", "/plan/written"},
		{"unknown key in an item", "[person]\nname = \"Jo\"\n[about]\ngood_at = [{ txt = \"x\" }]\n", "/about/good_at/0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := s.Validate(asJSON(t, tc.src))
			if err == nil {
				t.Fatal("validated")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error does not point at %s: %v", tc.want, err)
			}
		})
	}
}

func TestSchemaShape(t *testing.T) {
	src, err := plan.Schema()
	if err != nil {
		t.Fatal(err)
	}
	again, _ := plan.Schema()
	if !bytes.Equal(src, again) {
		t.Error("the schema is not the same twice")
	}
	var s struct {
		Schema     string `json:"$schema"`
		Additional bool   `json:"additionalProperties"`
		Properties map[string]struct {
			Description string `json:"description"`
			Properties  map[string]struct {
				Description string   `json:"description"`
				Enum        []string `json:"enum"`
			} `json:"properties"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(src, &s); err != nil {
		t.Fatal(err)
	}
	if s.Schema != plan.SchemaDraft || s.Additional {
		t.Errorf("$schema %q, additionalProperties %v", s.Schema, s.Additional)
	}
	status := s.Properties["plan"].Properties["status"]
	if !slices.Equal(status.Enum, []string{"draft", "submitted", "agreed"}) || status.Description == "" {
		t.Errorf("plan.status: %+v", status)
	}
	if !strings.Contains(s.Properties["about"].Description, "Criterion 1") {
		t.Errorf("about: %q", s.Properties["about"].Description)
	}
}

// TestSchemaInTaplo: the schema works in Taplo, the TOML checker behind the Even
// Better TOML editor extension, with the #:schema line the README shows: the
// samples pass, and a misspelt key and a bad value are caught at their lines.
func TestSchemaInTaplo(t *testing.T) {
	taplo, err := filepath.Abs(filepath.Join("testdata", "taplo", "node_modules", ".bin", "taplo"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(taplo); err != nil {
		if os.Getenv("LIFEPLAN_REQUIRE_TOOLS") == "1" {
			t.Fatal("Taplo is required: run npm ci in generator/plan/testdata/taplo (.ci/run does)")
		}
		t.Skip("Taplo not installed: npm ci in generator/plan/testdata/taplo")
	}
	schema, err := plan.Schema()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "lifeplan.schema.json"), schema, 0o644); err != nil {
		t.Fatal(err)
	}
	// Each Taplo run starts a WebAssembly module, which takes seconds: one run for
	// the plans that must pass, one for those that must not.
	taploCheck := func(files map[string]string) (string, error) {
		args := []string{"check", "--no-auto-config"}
		for name, src := range files {
			if err := os.WriteFile(filepath.Join(dir, name), []byte("#:schema ./lifeplan.schema.json\n"+src), 0o644); err != nil {
				t.Fatal(err)
			}
			args = append(args, name)
		}
		cmd := exec.Command(taplo, args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	good := map[string]string{}
	for _, name := range []string{"amira", "sam"} {
		src, err := os.ReadFile(filepath.Join("..", "..", "samples", name+".toml"))
		if err != nil {
			t.Fatal(err)
		}
		good[name+".toml"] = string(src)
	}
	if out, err := taploCheck(good); err != nil {
		t.Errorf("Taplo refuses the samples: %v\n%s", err, out)
	}
	bad := map[string]string{
		"misspelt.toml": "[person]\nname = \"Jo\"\n[budget]\ncontigency = 1\n",
		"enum.toml":     "[person]\nname = \"Jo\"\n[plan]\nstatus = \"finished\"\n",
	}
	out, err := taploCheck(bad)
	if err == nil {
		t.Fatalf("Taplo passed plans with a misspelt key and a bad status:\n%s", out)
	}
	for _, want := range []string{"misspelt.toml:5:1", "'contigency' was unexpected", "enum.toml:5:10", "finished"} {
		if !strings.Contains(out, want) {
			t.Errorf("Taplo's report lacks %q:\n%s", want, out)
		}
	}
}
