package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestSchemaCommand(t *testing.T) {
	bin := lifeplan(t)
	stdout, stderr, code := runBin(t, bin, "schema")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var s map[string]any
	if err := json.Unmarshal([]byte(stdout), &s); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if s["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema %v", s["$schema"])
	}
	for _, tc := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"schema", "plan.toml"}, 2, "takes no files"},
		{[]string{"schema", "--colour"}, 2, "unknown flag"},
		{[]string{"schema", "--help"}, 0, ""},
	} {
		_, stderr, code := runBin(t, bin, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.stderr) {
			t.Errorf("%v: exit %d: %s", tc.args, code, stderr)
		}
	}
}
