package plan

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/draw"
	_ "image/jpeg" // register decoders for image.DecodeConfig
	"image/png"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"lifeplan/generator/money"
)

// Bounds on pictures, checked before any pixel is decoded.
const (
	MaxPictureBytes  = 8 << 20
	MaxPicturePixels = 40_000_000
	MaxPictureSide   = 10_000
)

// Defaults applied by the loader to what a plan leaves out.
const (
	DefaultTitle          = "Learning and Living Support Plan"
	DefaultClassification = "OFFICIAL-SENSITIVE: personal data"
	DefaultLanguage       = "en-GB"
)

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// validate checks what the types alone cannot: the one required field, closed sets,
// ids and the references between them, budget lines' costing, and pictures.
func (l *loader) validate(p *Plan, pics fs.FS) {
	if strings.TrimSpace(p.Person.Name) == "" {
		l.errorf("person.name", "the person's name is required: add it under [person], e.g. name = \"Amira Okafor\"")
	}
	if p.Plan.Title == "" {
		p.Plan.Title = DefaultTitle
	}
	if p.Plan.Classification == "" {
		p.Plan.Classification = DefaultClassification
	}
	if p.Plan.Language == "" {
		p.Plan.Language = DefaultLanguage
	}
	l.organisation(p.Organisation)
	if p.Plan.Status == "" {
		p.Plan.Status = StatusDraft
	}
	l.oneOf("plan.status", string(p.Plan.Status), Statuses)

	outcomes := l.ids("outcomes", len(p.Outcomes), func(i int) string { return p.Outcomes[i].ID })
	for i, o := range p.Outcomes {
		l.oneOf(fmt.Sprintf("outcomes[%d].area", i), string(o.Area), OutcomeAreas)
	}
	changes := l.ids("changes", len(p.Changes), func(i int) string { return p.Changes[i].ID })
	for i, c := range p.Changes {
		at := fmt.Sprintf("changes[%d]", i)
		l.oneOf(at+".whose_idea", string(c.WhoseIdea), Ideas)
		l.refs(at+".learning", c.Learning, outcomes, "outcome", "[[outcomes]]")
		for j, m := range c.Milestones {
			l.refs(fmt.Sprintf("%s.milestones[%d].learning", at, j), m.Learning, outcomes, "outcome", "[[outcomes]]")
		}
	}
	lines := l.ids("budget.lines", len(p.Budget.Lines), func(i int) string { return p.Budget.Lines[i].ID })
	l.ids("support.items", len(p.Support.Items), func(i int) string { return p.Support.Items[i].ID })
	for i, s := range p.Support.Items {
		at := fmt.Sprintf("support.items[%d]", i)
		l.oneOf(at+".time", string(s.Time), TimesOfDay)
		l.refs(at+".changes", s.Changes, changes, "change", "[[changes]]")
		if s.BudgetLine != "" {
			l.refs(at+".budget_line", []string{s.BudgetLine}, lines, "budget line", "[[budget.lines]]")
		}
	}
	l.ids("risks", len(p.Risks), func(i int) string { return p.Risks[i].ID })
	for i, r := range p.Risks {
		l.oneOf(fmt.Sprintf("risks[%d].likelihood", i), string(r.Likelihood), Levels)
		l.oneOf(fmt.Sprintf("risks[%d].severity", i), string(r.Severity), Levels)
	}
	for i, d := range p.Control.Decisions {
		l.oneOf(fmt.Sprintf("control.decisions[%d].made_by", i), string(d.MadeBy), DecisionMakers)
		l.oneOf(fmt.Sprintf("control.decisions[%d].kind", i), d.Kind, DecisionKinds)
	}
	l.infoFormats("person.information.formats", p.Person.Information.Formats)
	for i, pp := range p.About.People {
		l.infoFormats(fmt.Sprintf("about.people[%d].information.formats", i), pp.Information.Formats)
	}
	for i, a := range p.ActionPlan.Actions {
		if a.Change != "" {
			l.refs(fmt.Sprintf("action_plan.actions[%d].change", i), []string{a.Change}, changes, "change", "[[changes]]")
		}
	}
	l.oneOf("management.budget_type", p.Management.BudgetType, BudgetTypes)
	for i, a := range p.ActionPlan.Actions {
		l.oneOf(fmt.Sprintf("action_plan.actions[%d].status", i), string(a.Status), ActionStatuses)
	}
	for i, s := range p.Support.Items {
		l.oneOf(fmt.Sprintf("support.items[%d].funding", i), string(s.Funding), Fundings)
	}
	for i, s := range p.Agreement.Signatories {
		l.oneOf(fmt.Sprintf("agreement.signatories[%d].for", i), s.For, SignsFor)
	}
	l.oneOf("agreement.decision.outcome", p.Agreement.Decision.Outcome, PanelOutcomes)
	l.budget(&p.Budget)
	l.pictures(p, pics)
}

// infoFormats checks each information format is one of InfoFormats.
func (l *loader) infoFormats(key string, formats []string) {
	for i, f := range formats {
		l.oneOf(fmt.Sprintf("%s[%d]", key, i), f, InfoFormats)
	}
}

// oneOf checks that a value, if given, is one of a closed set.
func (l *loader) oneOf(key, v string, choices []Choice) {
	if v == "" {
		return
	}
	ids := make([]string, len(choices))
	for i, c := range choices {
		if c.ID == v {
			return
		}
		ids[i] = strconv.Quote(c.ID)
	}
	l.errorf(key, "%q is not one of %s", v, strings.Join(ids, ", "))
}

// ids checks the ids of one kind of thing are well formed and unique, and returns
// them as a set. An empty id is allowed: such a thing cannot be referred to.
func (l *loader) ids(key string, n int, id func(int) string) map[string]bool {
	seen := map[string]bool{}
	for i := range n {
		v := id(i)
		if v == "" {
			continue
		}
		at := fmt.Sprintf("%s[%d].id", key, i)
		switch {
		case !idPattern.MatchString(v):
			l.errorf(at, "%q is not a usable id: use lower-case letters, digits, - and _ (e.g. \"move-out\")", v)
		case seen[v]:
			l.errorf(at, "id %q is used twice", v)
		}
		seen[v] = true
	}
	return seen
}

func (l *loader) refs(key string, refs []string, known map[string]bool, what, where string) {
	for i, r := range refs {
		if known[r] {
			continue
		}
		at := key
		if !strings.HasSuffix(key, "change") && !strings.HasSuffix(key, "budget_line") {
			at = fmt.Sprintf("%s[%d]", key, i)
		}
		ids := make([]string, 0, len(known))
		for k := range known {
			ids = append(ids, k)
		}
		msg := fmt.Sprintf("no %s has the id %q", what, r)
		if s := closest(r, ids); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		} else {
			msg += fmt.Sprintf("; give the %s an id in %s", what, where)
		}
		l.errorf(at, "%s", msg)
	}
}

// budget checks each line is costed one way, and closed sets.
func (l *loader) budget(b *Budget) {
	for i := range b.Lines {
		line := &b.Lines[i]
		at := fmt.Sprintf("budget.lines[%d]", i)
		l.oneOf(at+".category", line.Category, Categories)
		l.oneOf(at+".funder", line.Funder, Funders)
		l.oneOf(at+".per", line.Per, Periods)
		l.oneOf(at+".age_band", line.AgeBand, AgeBands)
		if line.NightKind != "" && line.NightKind != TimeSleepIn && line.NightKind != TimeWakingNight {
			l.errorf(at+".night_kind", "%q is not one of \"sleep_in\", \"waking_night\"", line.NightKind)
		}
		var ways []string
		if line.UnitCost > 0 || line.Quantity > 0 || line.Per != "" {
			ways = append(ways, "unit_cost")
			if line.UnitCost == 0 || line.Quantity == 0 || line.Per == "" {
				l.errorf(at, "a unit cost needs all of unit_cost, quantity and per (week, month or year)")
			}
		}
		if line.OneOff > 0 {
			ways = append(ways, "one_off")
		}
		if line.HourlyRate > 0 || line.HoursPerWeek > 0 {
			ways = append(ways, "hourly_rate")
			if line.HourlyRate == 0 || line.HoursPerWeek == 0 {
				l.errorf(at, "hourly costing needs both hourly_rate and hours_per_week")
			}
		}
		if line.PerNight > 0 || line.NightsPerWeek > 0 {
			ways = append(ways, "per_night")
			if line.PerNight == 0 || line.NightsPerWeek == 0 {
				l.errorf(at, "night costing needs both per_night and nights_per_week")
			}
		}
		if line.PA && (line.HourlyRate == 0 || line.HoursPerWeek == 0) {
			l.errorf(at+".pa", "an employed PA line needs hourly_rate and hours_per_week")
		}
		switch {
		case len(ways) == 0:
			l.errorf(at, "the line has no cost: give unit_cost with quantity and per, one_off, hourly_rate with hours_per_week, or per_night with nights_per_week")
		case len(ways) > 1:
			l.errorf(at, "the line is costed %d ways (%s); give exactly one", len(ways), strings.Join(ways, ", "))
		}
		if line.NightsPerWeek > 7*money.DecimalScale {
			l.errorf(at+".nights_per_week", "%s nights a week is more than 7", line.NightsPerWeek)
		}
		if line.HoursPerWeek > 168*money.DecimalScale {
			l.errorf(at+".hours_per_week", "%s hours a week is more than there are in a week (168)", line.HoursPerWeek)
		}
		if line.People == 0 {
			line.People = 1
		}
		if strings.TrimSpace(line.What) == "" {
			l.errorf(at+".what", "each budget line needs a description in what = \"...\"")
		}
		// Years 2 and 3 are matched to their line by id; without one they would be
		// silently ignored.
		for _, y := range []struct {
			key string
			v   *money.Pence
		}{{"year2", line.Year2}, {"year3", line.Year3}} {
			if y.v != nil && line.ID == "" {
				l.errorf(at+"."+y.key, "%s needs the line to have an id (e.g. id = \"pa\"), so years 2 and 3 stay with their line", y.key)
			}
		}
	}
	l.oneOf("budget.employer.funder", b.Employer.Funder, Funders)
	l.oneOf("budget.contingency.funder", b.Contingency.Funder, Funders)
	for i, a := range b.Allocations {
		l.oneOf(fmt.Sprintf("budget.allocations[%d].funder", i), a.Funder, Funders)
	}
	if b.Contingency.Amount > 0 && b.Contingency.Percent > 0 {
		l.errorf("budget.contingency", "give the contingency as amount or as percent, not both")
	}
	if b.WeeksPerYear != 0 && (b.WeeksPerYear < 52*money.DecimalScale || b.WeeksPerYear > 53*money.DecimalScale) {
		l.errorf("budget.weeks_per_year", "%s weeks a year is not between 52 and 53 (use 52, or 52.143 for 365/7)", b.WeeksPerYear)
	}
}

// pictures loads every picture the plan names, from its own folder only.
func (l *loader) pictures(p *Plan, pics fs.FS) {
	for _, ref := range pictureRefs(p) {
		if _, done := p.Source.Pics[string(ref.pic)]; !done {
			img, err := loadPicture(pics, string(ref.pic))
			if err != nil {
				l.errorf(ref.key, "%v", err)
				continue
			}
			p.Source.Pics[string(ref.pic)] = img
		}
		// Each place a picture is shown needs its own alternative text, also when
		// the same file was shown (and described) elsewhere.
		if strings.TrimSpace(ref.alt) == "" {
			l.errorf(ref.key, "picture %q needs alternative text (%s) for people who cannot see it", ref.pic, ref.altKey)
		}
	}
}

type pictureRef struct {
	key, altKey string
	pic         Picture
	alt         string
}

// pictureRefs lists every picture the plan names, in file order, with its
// alternative text. The places pictures can go come from the types (planPictures).
func pictureRefs(p *Plan) []pictureRef {
	var refs []pictureRef
	v := reflect.ValueOf(p).Elem()
	for _, fp := range planPictures {
		fp.visit(v, func(at func() string, field, table reflect.Value) {
			pic := Picture(field.String())
			if pic == "" {
				return
			}
			ref := pictureRef{key: at(), altKey: fp.altKey, pic: pic}
			if fp.alt >= 0 {
				ref.alt = table.Field(fp.alt).String()
			}
			refs = append(refs, ref)
		})
	}
	return refs
}

// loadPicture reads a PNG or JPEG from the plan's folder, checking its size and
// dimensions before decoding anything.
func loadPicture(pics fs.FS, name string) (*Image, error) {
	clean := path.Clean(strings.ReplaceAll(name, `\`, "/"))
	if path.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, "../") || !fs.ValidPath(clean) {
		return nil, fmt.Errorf("picture %q is outside the plan's folder; keep pictures in the plan's folder or below it", name)
	}
	f, err := pics.Open(clean)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("picture %q was not found in the plan's folder", name)
		}
		if strings.Contains(err.Error(), "escapes") {
			return nil, fmt.Errorf("picture %q leads outside the plan's folder (through a link); keep pictures in the plan's folder", name)
		}
		return nil, fmt.Errorf("picture %q cannot be read: %v", name, unwrapPath(err))
	}
	defer f.Close()
	var size int64
	if info, err := f.Stat(); err == nil {
		if info.IsDir() {
			return nil, fmt.Errorf("picture %q is a folder, not a picture", name)
		}
		size = info.Size()
	}
	data, err := readAtMost(f, size, MaxPictureBytes)
	if err != nil {
		return nil, fmt.Errorf("picture %q cannot be read: %v", name, err)
	}
	if len(data) > MaxPictureBytes {
		return nil, fmt.Errorf("picture %q is larger than %d MiB; make it smaller", name, MaxPictureBytes>>20)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("picture %q is not a PNG or JPEG picture", name)
	}
	if format != "png" && format != "jpeg" {
		return nil, fmt.Errorf("picture %q is %s; use PNG or JPEG", name, format)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > MaxPictureSide || cfg.Height > MaxPictureSide ||
		cfg.Width*cfg.Height > MaxPicturePixels {
		return nil, fmt.Errorf("picture %q is %dx%d pixels; the most allowed is %d on a side and %d million in all",
			name, cfg.Width, cfg.Height, MaxPictureSide, MaxPicturePixels/1_000_000)
	}
	if format == "png" && png16WithAlpha(data) {
		// The PDF writer splits a picture's transparency out at 8 bits a channel
		// only: a 16-bit picture with transparency would be drawn as noise. It is
		// made 8-bit here, once, after its size was checked.
		if data, err = to8bit(data); err != nil {
			return nil, fmt.Errorf("picture %q cannot be read: %v", name, err)
		}
	}
	return &Image{Path: name, Format: format, Data: data, Width: cfg.Width, Height: cfg.Height}, nil
}

// png16WithAlpha reads a PNG's header: 16 bits a channel, with an alpha channel
// (colour types 4, grey and alpha, and 6, RGBA).
func png16WithAlpha(data []byte) bool {
	// Signature (8 bytes), IHDR length and type (8), width and height (8), then
	// the bit depth and the colour type.
	return len(data) > 25 && string(data[12:16]) == "IHDR" && data[24] == 16 && (data[25] == 4 || data[25] == 6)
}

// to8bit re-encodes a PNG at 8 bits a channel, keeping its transparency.
func to8bit(data []byte) ([]byte, error) {
	src, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	dst := image.NewNRGBA(src.Bounds())
	draw.Draw(dst, dst.Bounds(), src, src.Bounds().Min, draw.Src)
	var buf bytes.Buffer
	if err := png.Encode(&buf, dst); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
