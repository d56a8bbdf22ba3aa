package layout

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"lifeplan/generator/doc"
	"lifeplan/generator/typeface"
)

func text(s string) []doc.Inline { return []doc.Inline{{Text: s}} }

func para(s string) *doc.Paragraph { return &doc.Paragraph{Text: text(s)} }

func heading(level int, s string) *doc.Heading {
	return &doc.Heading{Level: level, Text: text(s), Anchor: strings.ToLower(strings.ReplaceAll(s, " ", "-"))}
}

func lorem(words int) string {
	w := strings.Fields("we go to the leisure centre on Tuesday and Thursday afternoons and Amira swims forty lengths with Beth before a hot chocolate")
	var b strings.Builder
	for i := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w[i%len(w)])
	}
	return b.String()
}

func lay(blocks ...doc.Block) *Result {
	return Layout(&doc.Document{Meta: doc.Meta{Title: "Test", PersonName: "Amira", Classification: "OFFICIAL"}, Blocks: blocks}, typeface.Default())
}

// lines returns, per page, the distinct baselines of text owned by e (content only).
func baselines(res *Result, owner func(*Elem) bool) [][]float64 {
	out := make([][]float64, len(res.Pages))
	for p, pg := range res.Pages {
		seen := map[float64]bool{}
		for _, b := range pg.Boxes {
			if b.Kind == Text && b.Elem != nil && owner(b.Elem) && !seen[b.Y] {
				seen[b.Y] = true
				out[p] = append(out[p], b.Y)
			}
		}
	}
	return out
}

// lastContent returns the role of the element that owns the last content box of a
// page (the lowest on the page).
func lastContent(pg Page) *Elem {
	var last *Elem
	lowest := -1.0
	for _, b := range pg.Boxes {
		if b.Elem != nil && b.Y >= lowest {
			lowest, last = b.Y, b.Elem
		}
	}
	return last
}

func TestHeadingKeepsTwoLinesOfWhatFollows(t *testing.T) {
	// Fill the first page so that the heading would fit at its foot with at most one
	// line after it, for every amount of filler from a little to a lot.
	for filler := 20; filler <= 60; filler++ {
		var blocks []doc.Block
		for range filler {
			blocks = append(blocks, para("Filler line."))
		}
		blocks = append(blocks, heading(2, "My family's view"), para(lorem(60)))
		res := lay(blocks...)
		for p, pg := range res.Pages[:len(res.Pages)-1] {
			if last := lastContent(pg); last != nil && strings.HasPrefix(last.Role, "H") {
				t.Fatalf("filler %d: page %d ends with its heading", filler, p+1)
			}
		}
		// Find the heading's page and count the paragraph lines on it.
		hp := res.Targets["my-family's-view"].Page
		n := 0
		for _, b := range res.Pages[hp-1].Boxes {
			if b.Kind == Text && b.Elem != nil && b.Elem.Role == "P" && strings.Contains(b.Text, "leisure") {
				n++
			}
		}
		if n < 1 {
			t.Fatalf("filler %d: heading on page %d has none of its paragraph with it", filler, hp)
		}
	}
}

func TestNoSingleLineAloneAtFootOrHead(t *testing.T) {
	for filler := 20; filler <= 48; filler++ {
		var blocks []doc.Block
		for range filler {
			blocks = append(blocks, para("Filler line."))
		}
		long := para(lorem(150)) // several lines
		blocks = append(blocks, long)
		res := lay(blocks...)
		target := res.Root.Kids[len(res.Root.Kids)-1]
		var counts []int
		for _, ys := range baselines(res, func(e *Elem) bool { return e == target }) {
			if len(ys) > 0 {
				counts = append(counts, len(ys))
			}
		}
		if len(counts) > 1 && (counts[0] == 1 || counts[len(counts)-1] == 1) {
			t.Fatalf("filler %d: the paragraph's lines per page are %v: one line stranded", filler, counts)
		}
	}
}

func table(rows int) *doc.Table {
	t := &doc.Table{
		Align:  []doc.Align{doc.AlignLeft, doc.AlignRight},
		Header: []doc.Cell{{Text: text("What")}, {Text: text("Hours")}},
	}
	for i := range rows {
		t.Rows = append(t.Rows, []doc.Cell{{Text: text("row " + strconv.Itoa(i+1) + " swimming with Beth")}, {Text: text("2")}})
	}
	return t
}

// rowPages returns the page of every body row, read from its first cell's text.
func rowPages(res *Result, rows int) []int {
	pages := make([]int, rows)
	for p, pg := range res.Pages {
		for _, b := range pg.Boxes {
			if b.Kind == Text && b.Elem != nil && b.Elem.Role == "TD" && strings.HasPrefix(b.Text, "row ") {
				n, _ := strconv.Atoi(strings.Fields(b.Text)[1])
				pages[n-1] = p + 1
			}
		}
	}
	return pages
}

func TestTableBreaks(t *testing.T) {
	for _, rows := range []int{3, 6, 8, 30, 80} {
		for filler := 10; filler <= 44; filler += 2 {
			var blocks []doc.Block
			for range filler {
				blocks = append(blocks, para("Filler line."))
			}
			blocks = append(blocks, heading(2, "Risks"), table(rows))
			res := lay(blocks...)
			pages := rowPages(res, rows)
			hp := res.Targets["risks"].Page
			if pages[0] != hp {
				t.Fatalf("%d rows, filler %d: heading on page %d, first row on page %d", rows, filler, hp, pages[0])
			}
			count := map[int]int{}
			for _, p := range pages {
				count[p]++
			}
			if rows <= maxWholeTableRows && len(count) > 1 {
				t.Fatalf("%d rows, filler %d: a short table was split: %v", rows, filler, pages)
			}
			if len(count) > 1 && (count[pages[0]] == 1 || count[pages[rows-1]] == 1) {
				t.Fatalf("%d rows, filler %d: one row alone on a side of a break: %v", rows, filler, pages)
			}
			// Each continuation page starts with the header again, as an artifact.
			for p := pages[0] + 1; p <= pages[rows-1]; p++ {
				found := false
				for _, b := range res.Pages[p-1].Boxes {
					if b.Kind == Text && b.Text == "What" {
						if b.Elem != nil {
							t.Fatalf("repeated header on page %d is tagged %s, not an artifact", p, b.Elem.Role)
						}
						found = true
					}
				}
				if !found {
					t.Fatalf("%d rows: page %d continues the table without its header", rows, p)
				}
			}
		}
	}
}

func TestRowTallerThanAPageFlows(t *testing.T) {
	tb := &doc.Table{Align: []doc.Align{doc.AlignLeft}, Header: []doc.Cell{{Text: text("Notes")}},
		Rows: [][]doc.Cell{{{Text: text(lorem(2500))}}}}
	res := lay(tb)
	if len(res.Pages) < 2 {
		t.Fatalf("a 2500-word cell fits on %d page", len(res.Pages))
	}
	assertInside(t, res)
}

func TestLongFiguresStayTogether(t *testing.T) {
	for _, s := range []string{"07700 900 214", "14 September 2026", "£39,142.00"} {
		m := &measurer{fonts: typeface.Default()}
		ws := m.words(text("Call "+s+" now"), sheetFor(doc.Standard, 1).body)
		found := false
		for _, w := range ws {
			var b strings.Builder
			for _, p := range w.pieces {
				b.WriteString(p.text)
			}
			if b.String() == s {
				found = true
			}
		}
		if !found {
			t.Errorf("%q is not one word", s)
		}
	}
	// But an ordinary sentence with numbers still breaks between words.
	m := &measurer{fonts: typeface.Default()}
	if n := len(m.words(text("I swim 3 times a week"), sheetFor(doc.Standard, 1).body)); n != 6 {
		t.Errorf("%d words, want 6", n)
	}
}

func TestAsideShadingContinues(t *testing.T) {
	var inner []doc.Block
	for range 12 {
		inner = append(inner, para(lorem(80)))
	}
	res := lay(para("Before."), &doc.Aside{Blocks: inner})
	if len(res.Pages) < 2 {
		t.Fatalf("aside fits on one page; make it longer")
	}
	for p, pg := range res.Pages {
		var fills []Box
		for _, b := range pg.Boxes {
			if b.Kind == Fill && b.Color == colAsideFill {
				fills = append(fills, b)
			}
		}
		if len(fills) != 1 {
			t.Fatalf("page %d has %d aside fills", p+1, len(fills))
		}
		if p > 0 && math.Abs(fills[0].Y-contentTop) > epsilon {
			t.Errorf("page %d: shading starts at %.1f mm, not at the top of the text area", p+1, fills[0].Y)
		}
		// The text it shades lies inside it.
		for _, b := range pg.Boxes {
			if b.Kind == Text && b.Elem != nil && b.Text != "Before." && (b.Y < fills[0].Y || b.Y > fills[0].Y+fills[0].H) {
				t.Errorf("page %d: text %q at %.1f outside the shading %.1f–%.1f", p+1, b.Text, b.Y, fills[0].Y, fills[0].Y+fills[0].H)
			}
		}
	}
}

func TestPageReferencesAreTheTargetsPages(t *testing.T) {
	blocks := []doc.Block{
		heading(1, "Contents"),
		&doc.Paragraph{Text: []doc.Inline{{Text: "Money: page "}, {Text: "#", PageOf: "money"}}},
		&doc.Paragraph{Text: []doc.Inline{{Text: "Nowhere: page "}, {Text: "#", PageOf: "nowhere"}}},
	}
	for range 120 {
		blocks = append(blocks, para(lorem(30)))
	}
	blocks = append(blocks, heading(2, "Money"), para("The budget."))
	res := lay(blocks...)
	want := strconv.Itoa(res.Targets["money"].Page)
	if want == "1" {
		t.Fatal("the target should be on a later page")
	}
	var got []string
	for _, b := range res.Pages[0].Boxes {
		if b.Link != "" {
			got = append(got, b.Link+"="+b.Text)
		}
	}
	if len(got) != 2 || got[0] != "money="+want || got[1] != "nowhere=#" {
		t.Fatalf("page references = %v, want [money=%s nowhere=#]", got, want)
	}
}

func TestHeadingLevelsNeverSkip(t *testing.T) {
	res := lay(heading(1, "Plan"), heading(3, "Deep"), para("x"), heading(4, "Deeper"), heading(2, "Back"))
	var roles []string
	for _, k := range res.Root.Kids {
		if strings.HasPrefix(k.Role, "H") {
			roles = append(roles, k.Role)
		}
	}
	if got := strings.Join(roles, " "); got != "H1 H2 H3 H2" {
		t.Fatalf("roles %s", got)
	}
}

func TestPicturedListItemsLineUp(t *testing.T) {
	pic := &doc.Image{Name: "p.png", Alt: "a cup of tea", Format: "png", Width: 100, Height: 100}
	res := lay(&doc.List{Items: []doc.ListItem{
		{Blocks: []doc.Block{para("Plain item")}},
		{Picture: pic, Blocks: []doc.Block{para("Making tea")}},
	}})
	var markers []Box
	var picture, tea Box
	for _, b := range res.Pages[0].Boxes {
		switch {
		case b.Kind == Text && b.Elem != nil && b.Elem.Role == "Lbl":
			markers = append(markers, b)
		case b.Kind == Picture:
			picture = b
		case b.Kind == Text && b.Text == "Making tea":
			tea = b
		}
	}
	if len(markers) != 2 || math.Abs(markers[0].X-markers[1].X) > epsilon {
		t.Fatalf("markers %+v do not share a column", markers)
	}
	if picture.X <= markers[1].X+markers[1].W {
		t.Fatalf("picture at %.1f is not after the marker ending at %.1f", picture.X, markers[1].X+markers[1].W)
	}
	if tea.X < picture.X+picture.W {
		t.Fatalf("text at %.1f overlaps the picture ending at %.1f", tea.X, picture.X+picture.W)
	}
	// One line of text is centred on the picture: its baseline sits near the
	// picture's middle, and the marker on the same line.
	mid := picture.Y + picture.H/2
	if math.Abs(tea.Y-mid) > 3 || math.Abs(markers[1].Y-tea.Y) > epsilon {
		t.Fatalf("text baseline %.1f, marker %.1f, picture middle %.1f", tea.Y, markers[1].Y, mid)
	}
}

func TestOnePageAlwaysOnePage(t *testing.T) {
	var items []doc.ListItem
	for i := range 80 {
		items = append(items, doc.ListItem{Blocks: []doc.Block{para(fmt.Sprintf("Important thing %d: %s", i, lorem(12)))}})
	}
	d := &doc.Document{Meta: doc.Meta{Title: "One-page profile", Kind: doc.OnePage}, Blocks: []doc.Block{
		heading(1, "Amira"), heading(2, "What is important to me"), &doc.List{Items: items},
		heading(2, "How best to support me"), &doc.List{Items: items[:5]},
	}}
	res := Layout(d, typeface.Default())
	if len(res.Pages) != 1 {
		t.Fatalf("%d pages", len(res.Pages))
	}
	if len(res.Cut) == 0 || !strings.HasPrefix(res.Cut[0], "What is important to me:") {
		t.Fatalf("cut = %v", res.Cut)
	}
	if res.Size < 11-epsilon {
		t.Fatalf("text shrank to %.1f pt, below the 11 pt floor", res.Size)
	}
	if len(d.Blocks[2].(*doc.List).Items) != 80 {
		t.Fatal("fitting changed the caller's document")
	}
	// A short profile is not shrunk.
	small := Layout(&doc.Document{Meta: doc.Meta{Kind: doc.OnePage}, Blocks: []doc.Block{heading(1, "Amira"), para("Hello")}}, typeface.Default())
	if small.Size != 12 || len(small.Cut) != 0 {
		t.Fatalf("small profile: size %.1f, cut %v", small.Size, small.Cut)
	}
}

// TestEasyReadCoverFitsItsPage: an easy-read cover (all before the first page
// break) whose points would spill onto a second page, each alone before the
// break, gets a smaller picture so that it stays on one page; a cover that fits
// keeps the full-size picture, and one that fits with none keeps it too.
func TestEasyReadCoverFitsItsPage(t *testing.T) {
	photo := &doc.Image{Name: "me.png", Alt: "Amira smiling", Format: "png", Width: 100, Height: 100}
	point := &doc.Paragraph{Picture: &doc.Image{Name: "p.png", Alt: "a plan", Format: "png", Width: 10, Height: 10},
		Text: text("This is my plan. It says what I want. It says how people will help me.")}
	cover := func(points int) []doc.Block {
		blocks := []doc.Block{heading(1, "My plan"), heading(2, "Amira Okafor"), &doc.Figure{Image: photo}}
		for range points {
			blocks = append(blocks, point)
		}
		return blocks
	}
	pages := func(blocks []doc.Block, maxH float64) int {
		sh := sheetFor(doc.EasyRead, 1)
		sh.coverFigureMaxH = maxH
		d := &doc.Document{Meta: doc.Meta{Kind: doc.EasyRead}, Blocks: blocks}
		return len(layoutPass(d, blocks, &measurer{fonts: typeface.Default()}, sh).Pages)
	}
	full := sheetFor(doc.EasyRead, 1).figureMaxH
	shrunk := false
	for n := 1; n <= 8; n++ {
		at := pages(cover(n), full)
		atSmallest := pages(cover(n), minCoverFigure)
		about := heading(2, "About me")
		about.Anchor = "about-me"
		d := &doc.Document{Meta: doc.Meta{Kind: doc.EasyRead}, Blocks: append(cover(n), &doc.PageBreak{}, about)}
		res := Layout(d, typeface.Default())
		var h float64
		for _, b := range res.Pages[0].Boxes {
			if b.Image == photo {
				h = b.H
			}
		}
		switch {
		case at == 1:
			if h < full-epsilon {
				t.Errorf("%d points: the cover fits with a %.0f mm picture, but it was shrunk to %.1f mm", n, full, h)
			}
		case atSmallest == 1:
			shrunk = true
			if got := res.Targets["about-me"].Page; got != 2 {
				t.Errorf("%d points: the cover takes %d pages; it fits on one with a smaller picture", n, got-1)
			}
			if h >= full-epsilon || h < minCoverFigure-epsilon {
				t.Errorf("%d points: the picture is %.1f mm, want less than %.0f and at least %.0f", n, h, full, minCoverFigure)
			}
		default:
			if h < full-epsilon {
				t.Errorf("%d points: the cover cannot fit on a page, so its picture keeps %.0f mm, not %.1f", n, full, h)
			}
		}
	}
	if !shrunk {
		t.Fatal("no cover here needs a smaller picture: the test checks nothing")
	}
}

func TestEasyReadSizes(t *testing.T) {
	d := &doc.Document{Meta: doc.Meta{Kind: doc.EasyRead}, Blocks: []doc.Block{
		heading(1, "My plan"),
		&doc.Paragraph{Picture: &doc.Image{Name: "x.png", Alt: "home", Width: 10, Height: 10}, Text: []doc.Inline{{Text: "I live "}, {Text: "here", Italic: true}}},
	}}
	res := Layout(d, typeface.Default())
	var picture Box
	for _, b := range res.Pages[0].Boxes {
		if b.Kind == Picture {
			picture = b
		}
	}
	for _, b := range res.Pages[0].Boxes {
		if b.Kind == Text && b.Elem != nil {
			if b.Size < 16 {
				t.Errorf("%q at %.1f pt", b.Text, b.Size)
			}
			if b.Face.Style()&typeface.Italic != 0 {
				t.Errorf("%q is italic", b.Text)
			}
			// The words start a third of the way across, right of the picture.
			if b.Elem.Role == "P" && (b.X < picture.X+contentW/3-epsilon || b.X < picture.X+picture.W) {
				t.Errorf("%q starts at %.1f mm; picture at %.1f–%.1f", b.Text, b.X, picture.X, picture.X+picture.W)
			}
		}
	}
	// Pictures in easy read are large: at least 3 cm (they stand for the words).
	if picture.W < 30-epsilon {
		t.Errorf("picture %.1f mm wide", picture.W)
	}
}

// assertInside checks that every box lies on the page, and content inside the
// text area.
func assertInside(t *testing.T, res *Result) {
	t.Helper()
	for p, pg := range res.Pages {
		for _, b := range pg.Boxes {
			if b.X < -epsilon || b.X+b.W > PageW+epsilon || b.Y < 0 || b.Y+b.H > PageH {
				t.Fatalf("page %d: box %+v off the page", p+1, b)
			}
			if b.Elem != nil && b.Kind == Text && (b.X+b.W > PageW-marginRight+0.01 || b.Y > contentBottom+epsilon) {
				t.Fatalf("page %d: text %q at x %.1f..%.1f y %.1f outside the text area", p+1, b.Text, b.X, b.X+b.W, b.Y)
			}
		}
	}
}

func TestFurnitureIsArtifactAndCounted(t *testing.T) {
	var blocks []doc.Block
	for range 80 {
		blocks = append(blocks, para(lorem(40)))
	}
	d := &doc.Document{Meta: doc.Meta{Title: "Plan", PersonName: "Amira", Classification: "OFFICIAL", Draft: "DRAFT"}, Blocks: blocks}
	res := Layout(d, typeface.Default())
	assertInside(t, res)
	for p, pg := range res.Pages {
		var furn []string
		for _, b := range pg.Boxes {
			if b.Kind == Text && b.Elem == nil {
				if b.Artifact != ArtifactPagination {
					t.Fatalf("page %d: %q is a layout artifact", p+1, b.Text)
				}
				furn = append(furn, b.Text)
			}
		}
		all := strings.Join(furn, "|")
		if !strings.HasPrefix(all, "DRAFT|") || !strings.Contains(all, fmt.Sprintf("Page %d of %d", p+1, len(res.Pages))) {
			t.Fatalf("page %d furniture %q", p+1, all)
		}
	}
}

const (
	longWord = "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessenschafewarenwohlgepflegeundsorgfaltigkeitbeschutzenvorangreifendurchihrraubgierigfeinde"
	longURL  = "https://example.org/a/very/long/path/that/goes/on/and/on/without/any/spaces/at/all/because/urls/are/like/that/sometimes?query=1&other=2"
)

// TestWrap checks line breaking: no line is wider than asked, text is kept whole
// and in order, and words are only broken when they cannot fit a line.
func TestWrap(t *testing.T) {
	m := &measurer{fonts: typeface.Default()}
	body := sheetFor(doc.Standard, 1).body
	for _, tc := range []struct {
		name  string
		runs  []doc.Inline
		width float64
		lines int // 0: do not check
		want  string
	}{
		{name: "empty", width: 50, lines: 1},
		{name: "one word", runs: text("hello"), width: 50, lines: 1},
		{name: "fits", runs: text("a short line"), width: 170, lines: 1},
		{name: "wraps", runs: text(strings.Repeat("word ", 60)), width: 170},
		{name: "long word", runs: text(longWord), width: 170},
		{name: "url after text", runs: text("see " + longURL), width: 60},
		{name: "narrow", runs: text("abcdefgh"), width: 0.5, lines: 8},
		{name: "line break", runs: []doc.Inline{{Text: "one"}, {LineBreak: true}, {Text: "two"}}, width: 170, lines: 2},
		{name: "mixed styles", runs: []doc.Inline{{Text: "plain "}, {Text: "bold", Bold: true}, {Text: "tail "}, {Text: "italic", Italic: true}}, width: 170, lines: 1},
		{name: "emoji and control", runs: text("I like music 🎵\x07 and tea"), width: 170, lines: 1, want: "Ilikemusic\ufffdandtea"},
		{name: "welsh and ticks", runs: text("Tŷ Coch ✓ Łódź"), width: 170, lines: 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines := m.wrap(tc.runs, body, tc.width)
			if tc.lines > 0 && len(lines) != tc.lines {
				t.Errorf("got %d lines, want %d", len(lines), tc.lines)
			}
			var got []string
			for _, l := range lines {
				w := 0.0
				for _, s := range l.segs {
					w = s.x + advance(s.face, s.text, body.size)
				}
				if w > max(tc.width, advance(m.fonts.Face(0), "W", body.size))+1e-6 || w > l.w+1e-6 || w < l.w-1e-6 {
					t.Errorf("line width %.3f (recorded %.3f) for width %.3f", w, l.w, tc.width)
				}
				var b strings.Builder
				for _, s := range l.segs {
					b.WriteString(s.text)
				}
				got = append(got, b.String())
			}
			want := tc.want
			if want == "" {
				want = strings.Join(strings.Fields(doc.PlainText(tc.runs)), "")
			}
			if g := strings.ReplaceAll(strings.Join(got, ""), " ", ""); g != want {
				t.Errorf("text changed: %q, want %q", g, want)
			}
		})
	}
}

func TestColumnWidths(t *testing.T) {
	f := &flow{m: &measurer{fonts: typeface.Default()}, sh: sheetFor(doc.Standard, 1)}
	tbl := &doc.Table{
		Align:  []doc.Align{doc.AlignLeft, doc.AlignLeft, doc.AlignRight},
		Header: []doc.Cell{{Text: text("Name")}, {Text: text("Description")}, {Text: text("Cost")}},
		Rows: [][]doc.Cell{
			{{Text: text("Hydrotherapy")}, {Text: text(strings.Repeat("a long description of the support ", 8))}, {Text: text("£1,234.00")}},
			{{Text: text("Physiotherapist")}, {Text: text("short")}, {Text: text("£5.00")}},
		},
	}
	widths := f.columnWidths(tbl, 3, contentW)
	if s := sum(widths); math.Abs(s-contentW) > 1e-6 {
		t.Errorf("widths add up to %.2f, want %.2f", s, contentW)
	}
	for _, row := range append([][]doc.Cell{tbl.Header}, tbl.Rows...) {
		for c, cell := range row {
			for _, w := range strings.Fields(doc.PlainText(cell.Text)) {
				if got := advance(f.m.fonts.Face(0), w, f.sh.cell.size) + 2*f.sh.cellPadX; got > widths[c]+1e-6 {
					t.Errorf("column %d (%.1f mm) cuts %q (%.1f mm)", c, widths[c], w, got)
				}
			}
		}
	}
	if widths[1] <= widths[0] || widths[1] <= widths[2] {
		t.Errorf("the long column should be widest: %v", widths)
	}
	// A short table is stretched to the full width, but its money column stays as
	// narrow as its longest figure.
	short := &doc.Table{
		Align:  []doc.Align{doc.AlignLeft, doc.AlignRight},
		Header: []doc.Cell{{Text: text("Item")}, {Text: text("Cost")}},
		Rows:   [][]doc.Cell{{{Text: text("Swimming")}, {Text: text("£1,234.00")}}},
	}
	widths = f.columnWidths(short, 2, contentW)
	natural, _ := f.m.naturalWidth(text("£1,234.00"), f.sh.cell)
	if math.Abs(widths[1]-(natural+2*f.sh.cellPadX)) > 0.01 || math.Abs(sum(widths)-contentW) > 1e-6 {
		t.Errorf("widths %v: the money column should be %.1f mm", widths, natural+2*f.sh.cellPadX)
	}
}

func TestLabelKeepsWithWhatFollows(t *testing.T) {
	for filler := 30; filler <= 60; filler++ {
		var blocks []doc.Block
		for range filler {
			blocks = append(blocks, para("Filler line."))
		}
		blocks = append(blocks, &doc.Paragraph{Text: []doc.Inline{{Text: "Adjustments to make:", Bold: true}}},
			&doc.List{Items: []doc.ListItem{{Blocks: []doc.Block{para(lorem(30))}}, {Blocks: []doc.Block{para("Second")}}}})
		res := lay(blocks...)
		for p, pg := range res.Pages[:len(res.Pages)-1] {
			if last := lastContent(pg); last != nil && last.Role == "P" && len(last.Kids) == 0 {
				for _, b := range pg.Boxes {
					if b.Elem == last && b.Text == "Adjustments to make:" {
						t.Fatalf("filler %d: page %d ends with the label", filler, p+1)
					}
				}
			}
		}
	}
}

func TestBrand(t *testing.T) {
	logo := &doc.Image{Name: "logo", Alt: "Council logo", Format: "png", Width: 400, Height: 100}
	d := &doc.Document{Meta: doc.Meta{Title: "Plan", Classification: "OFFICIAL", Brand: doc.Brand{
		Name: "North Council", Contact: "0300 123 4567", Logo: logo, Accent: "#00703c"}},
		Blocks: []doc.Block{heading(1, "Plan"), para(lorem(900))}}
	res := Layout(d, typeface.Default())
	if len(res.Pages) < 2 {
		t.Fatal("want several pages")
	}
	var first []string
	for _, b := range res.Pages[0].Boxes {
		if b.Elem != nil && b.Kind == Text {
			first = append(first, b.Text)
		}
		if b.Kind == Picture && (b.Elem == nil || b.Elem.Alt != "Council logo" || b.X+b.W < PageW-marginRight-epsilon) {
			t.Errorf("logo %+v is not a figure at the right margin", b)
		}
		if b.Elem != nil && strings.HasPrefix(b.Elem.Role, "H") && b.Color != (RGB{0x00, 0x70, 0x3c}) {
			t.Errorf("heading %q in %v, not the accent", b.Text, b.Color)
		}
	}
	if len(first) < 3 || first[0] != "North Council" || first[1] != "0300 123 4567" {
		t.Errorf("first page starts %q", first[:min(3, len(first))])
	}
	for p, pg := range res.Pages {
		found := false
		for _, b := range pg.Boxes {
			found = found || (b.Artifact == ArtifactPagination && strings.HasPrefix(b.Text, "North Council · OFFICIAL"))
		}
		if !found {
			t.Errorf("page %d: the running header does not name the organisation", p+1)
		}
	}
}

// TestPageReferencesFilledInOnePass: a page number narrower than its two-digit
// stand-in closes up its line (or, right-aligned, keeps its right edge), so the
// boxes of the line still abut; a number too wide for the stand-in (page 100 on)
// makes the document be laid out again, with the right number.
func TestPageReferencesFilledInOnePass(t *testing.T) {
	ref := func(anchor string) doc.Inline { return doc.Inline{Text: "#", PageOf: anchor} }
	for _, tc := range []struct {
		name  string
		paras int // of filler before the target
	}{
		{"one digit", 20},
		{"two digits", 200},
		{"three digits", 1800},
	} {
		t.Run(tc.name, func(t *testing.T) {
			blocks := []doc.Block{
				heading(1, "Contents"),
				&doc.Paragraph{Text: []doc.Inline{{Text: "See page "}, ref("money"), {Text: " for the money, and more words after it."}}},
				&doc.Table{
					Header: []doc.Cell{{Text: text("Section")}, {Text: text("Page")}},
					Rows:   [][]doc.Cell{{{Text: text("Money")}, {Text: []doc.Inline{ref("money")}}}},
					Align:  []doc.Align{doc.AlignLeft, doc.AlignRight},
				},
			}
			for range tc.paras {
				blocks = append(blocks, para(lorem(30)))
			}
			blocks = append(blocks, heading(2, "Money"), para("The budget."))
			res := lay(blocks...)
			want := strconv.Itoa(res.Targets["money"].Page)
			var refs []Box
			for _, b := range res.Pages[0].Boxes {
				if strings.HasPrefix(b.Link, standInMark) || b.Text == standIn {
					t.Fatalf("a stand-in is left: %+v", b)
				}
				if b.Link == "money" {
					refs = append(refs, b)
				}
			}
			if len(refs) != 2 || refs[0].Text != want || refs[1].Text != want {
				t.Fatalf("page references %+v, want two of %s", refs, want)
			}
			// The line of the paragraph: its boxes abut, left to right.
			var line []Box
			for _, b := range res.Pages[0].Boxes {
				if b.Kind == Text && b.Y == refs[0].Y && b.X < contentW/2+marginLeft {
					line = append(line, b)
				}
			}
			for i := 1; i < len(line); i++ {
				if math.Abs(line[i].X-(line[i-1].X+line[i-1].W)) > epsilon {
					t.Errorf("%q ends at %.2f but %q starts at %.2f", line[i-1].Text, line[i-1].X+line[i-1].W, line[i].Text, line[i].X)
				}
			}
			// The right-aligned cell: the number ends where the table does.
			var right float64
			for _, b := range res.Pages[0].Boxes {
				if b.Kind == Stroke {
					right = math.Max(right, b.X+b.W)
				}
			}
			if got := refs[1].X + refs[1].W; math.Abs(got-(right-sheetFor(doc.Standard, 1).cellPadX)) > epsilon {
				t.Errorf("right-aligned number ends at %.2f, the cell's text at %.2f", got, right-sheetFor(doc.Standard, 1).cellPadX)
			}
		})
	}
}
