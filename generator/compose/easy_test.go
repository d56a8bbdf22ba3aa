package compose_test

import (
	"os"
	"strings"
	"testing"

	"lifeplan/generator/budget"
	"lifeplan/generator/check"
	"lifeplan/generator/compose"
	"lifeplan/generator/doc"
	"lifeplan/generator/money"
	"lifeplan/generator/pictogram"
	"lifeplan/generator/plan"
)

// longItem is a plan text of 19 words in one sentence, with no easy words: check
// flags it and the easy-read version prints it as it is.
const longItem = "Swimming at the leisure centre on Monday and Thursday after college and on Saturday mornings with my PA Beth"

// easyViews are the plans the easy-read tests read: both samples, and a small plan
// with one long text that has no easy words.
func easyViews(t *testing.T) map[string]compose.View {
	t.Helper()
	views := map[string]compose.View{}
	for _, s := range samples {
		views[s] = view(t, s)
	}
	src := "[plan]\nwritten = 2026-09-14\n[person]\nname = \"Jo Bloggs\"\n[about]\ngood_at = [\"" + longItem + "\", \"Drawing\"]\n"
	p, err := plan.Parse("jo.toml", []byte(src), os.DirFS("."))
	if err != nil {
		t.Fatal(err)
	}
	b, err := budget.Compute(p)
	if err != nil {
		t.Fatal(err)
	}
	views["jo"] = compose.View{Plan: p, Person: p.Person, Budget: b, Checks: compose.Judge(p, b)}
	return views
}

func easyDocument(t *testing.T, c *compose.Composer, v compose.View, id string) *doc.Document {
	t.Helper()
	spec, ok := compose.SpecByID(id)
	if !ok {
		t.Fatalf("no document %q", id)
	}
	v.Doc = spec
	d, err := c.Document(&v)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// textUnits are the separately printed pieces of a document's text: each heading,
// each line of a paragraph (a line break ends one), each list item, each cell. A
// bold label ending in a colon ("By 31 October 2026:", "When:") is a piece of its
// own: it labels the sentence after it, as a heading does.
func textUnits(blocks []doc.Block) []string {
	var out []string
	runs := func(rs []doc.Inline) {
		var b strings.Builder
		for _, r := range rs {
			label := r.Bold && strings.HasSuffix(strings.TrimSpace(r.Text), ":")
			if r.LineBreak || label {
				out = append(out, b.String())
				b.Reset()
				if label {
					out = append(out, r.Text)
				}
				continue
			}
			b.WriteString(r.Text)
		}
		out = append(out, b.String())
	}
	for _, bl := range blocks {
		switch x := bl.(type) {
		case *doc.Heading:
			runs(x.Text)
		case *doc.Paragraph:
			runs(x.Text)
		case *doc.List:
			for _, it := range x.Items {
				out = append(out, textUnits(it.Blocks)...)
			}
		case *doc.Table:
			for _, c := range x.Header {
				runs(c.Text)
			}
			for _, r := range x.Rows {
				for _, c := range r {
					runs(c.Text)
				}
			}
		case *doc.Aside:
			out = append(out, textUnits(x.Blocks)...)
		}
	}
	return out
}

func fold(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestEasyReadSentences: no sentence the easy-read version prints has more than 15
// words, unless it is the plan's own text that check flagged; and a flagged text is
// printed as it is, not dropped.
func TestEasyReadSentences(t *testing.T) {
	c := composer(t)
	for name, v := range easyViews(t) {
		t.Run(name, func(t *testing.T) {
			var flagged []string
			for _, et := range check.EasyReadTexts(v.Plan) {
				if et.Flagged() {
					flagged = append(flagged, fold(et.Shown()))
				}
			}
			d := easyDocument(t, c, v, "easy-read")
			all := ""
			for _, unit := range textUnits(d.Blocks) {
				all += fold(unit) + "\n"
				for _, s := range check.Sentences(unit) {
					if check.Words(s) <= check.MaxEasyWords {
						continue
					}
					ok := false
					for _, f := range flagged {
						ok = ok || strings.Contains(f, fold(s))
					}
					if !ok {
						t.Errorf("a sentence of %d words that check did not flag: %q", check.Words(s), s)
					}
				}
			}
			// Check judges exactly what is printed: every text it lists is in the
			// document, so its findings are about words the person will read.
			whole := fold(documentText(d))
			for _, et := range check.EasyReadTexts(v.Plan) {
				if !strings.Contains(whole, fold(et.Shown())) {
					t.Errorf("check lists %s (%q), which the easy-read version does not print", et.Key, et.Shown())
				}
			}
			for _, f := range flagged {
				if !strings.Contains(all, f) {
					t.Errorf("flagged text %q is not printed", f)
				}
			}
			if name == "jo" && len(flagged) != 1 {
				t.Errorf("check flagged %d texts of Jo's plan, want 1 (%q)", len(flagged), longItem)
			}
			if name == "amira" && len(flagged) != 0 {
				t.Errorf("check flagged %d texts of the complete sample; give them easy words: %q", len(flagged), flagged)
			}
		})
	}
}

// TestEasyReadPictures: every section of the easy-read version has a picture, every
// picture has alt text, every paragraph that makes a point starts with a picture, and
// the last page carries the pictograms' licence and attribution.
func TestEasyReadPictures(t *testing.T) {
	c := composer(t)
	for name, v := range easyViews(t) {
		t.Run(name, func(t *testing.T) {
			d := easyDocument(t, c, v, "easy-read")
			if d.Meta.Kind != doc.EasyRead {
				t.Errorf("Meta.Kind = %v, want EasyRead", d.Meta.Kind)
			}
			last := 0
			for i, b := range d.Blocks {
				if _, ok := b.(*doc.PageBreak); ok {
					last = i
				}
			}
			lastPage := documentText(&doc.Document{Blocks: d.Blocks[last:]})
			if !strings.Contains(fold(lastPage), fold(pictogram.Attribution)) || !strings.Contains(lastPage, "CC BY-SA 4.0") {
				t.Errorf("the last page lacks the pictograms' attribution:\n%s", lastPage)
			}
			section, pictures := "", 0
			endSection := func() {
				if section != "" && section != "About the pictures" && pictures == 0 {
					t.Errorf("section %q has no picture", section)
				}
			}
			for _, b := range d.Blocks[:last] {
				switch x := b.(type) {
				case *doc.Heading:
					if x.Level == 2 {
						endSection()
						section, pictures = doc.PlainText(x.Text), 0
					}
				case *doc.Figure:
					pictures++
					checkAlt(t, x.Image)
				case *doc.Paragraph:
					if x.Picture == nil {
						// Lead-ins to a list ("What will happen:") are not points.
						if text := doc.PlainText(x.Text); !strings.HasSuffix(text, ":") {
							t.Errorf("section %q: a point without a picture: %q", section, text)
						}
						continue
					}
					pictures++
					checkAlt(t, x.Picture)
				}
			}
			endSection()
		})
	}
}

func checkAlt(t *testing.T, img *doc.Image) {
	t.Helper()
	if img == nil || strings.TrimSpace(img.Alt) == "" || len(img.Data) == 0 {
		t.Errorf("picture without alt text or data: %+v", img)
	}
}

// TestEasyMoney: the easy-read budget is in whole pounds and adds up to the total.
func TestEasyMoney(t *testing.T) {
	v := view(t, "amira")
	m := v.EasyMoney()
	if m == nil || m.Total != "£39,057" || m.Allocation != "£41,500" || m.Spare == "" {
		t.Fatalf("EasyMoney = %+v", m)
	}
	sum := money.Pence(0)
	for _, r := range append(m.Rows, compose.MoneyRow{Pounds: m.Spare}) {
		p, err := money.ParsePence(strings.NewReplacer("£", "", ",", "").Replace(r.Pounds))
		if err != nil || strings.Contains(r.Pounds, ".") {
			t.Fatalf("%s: %q is not whole pounds", r.Label, r.Pounds)
		}
		sum += p
	}
	if sum != 39057*100 {
		t.Errorf("the rows add up to %s, not the total £39,057", sum)
	}
	if sam := view(t, "sam"); sam.EasyMoney() != nil {
		t.Error("a plan with no budget lines has an easy-read budget")
	}
}

func TestPounds(t *testing.T) {
	for p, want := range map[money.Pence]string{
		0: "£0", 49: "£0", 50: "£1", 3914150: "£39,142", 3914149: "£39,141", 4150000: "£41,500", -150: "−£2",
	} {
		if got := compose.Pounds(p); got != want {
			t.Errorf("Pounds(%d) = %q, want %q", p, got, want)
		}
	}
}

// TestOnePageProfile: the profile is built from the plan's own keys, carries the
// photo, and is marked for the one-page layout.
func TestOnePageProfile(t *testing.T) {
	c := composer(t)
	d := easyDocument(t, c, view(t, "amira"), "one-page-profile")
	if d.Meta.Kind != doc.OnePage {
		t.Errorf("Meta.Kind = %v, want OnePage", d.Meta.Kind)
	}
	text := documentText(d)
	for _, want := range []string{"What people like and admire about me", "What is important to me", "How best to support me",
		"I am honest", "Jollof rice on Sundays", "Makaton signs", "Reliable: turns up on time", "A drawing standing in for Amira's photo"} {
		if !strings.Contains(text, want) {
			t.Errorf("the one-page profile lacks %q", want)
		}
	}
}
