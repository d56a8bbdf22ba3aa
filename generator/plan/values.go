package plan

import (
	"fmt"
	"time"
)

// Date is a calendar date with no time of day. The zero Date means "not given".
type Date struct{ time.Time }

// DateLayout is how dates are written in TOML when quoted.
const DateLayout = "2006-01-02"

// UnmarshalTOML reads a TOML local date (2026-09-14) or the same date quoted.
func (d *Date) UnmarshalTOML(v any) error {
	switch x := v.(type) {
	case time.Time:
		if x.Hour() != 0 || x.Minute() != 0 || x.Second() != 0 || x.Nanosecond() != 0 {
			return fmt.Errorf("expected a date such as 2026-09-14, found a date and time")
		}
		d.Time = time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, time.UTC)
		return nil
	case string:
		t, err := time.Parse(DateLayout, x)
		if err != nil {
			return fmt.Errorf("%q is not a date: write it as YYYY-MM-DD, e.g. 2026-09-14", x)
		}
		d.Time = t
		return nil
	default:
		return fmt.Errorf("expected a date such as 2026-09-14, found %s", kindOf(v))
	}
}

// Set reports whether the date was given.
func (d Date) Set() bool { return !d.IsZero() }

// Long prints the date for people: 14 September 2026.
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	return d.Format("2 January 2006")
}

// ISO prints the date as 2026-09-14.
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(DateLayout)
}

// Picture is the path of an image file, relative to the plan's folder.
type Picture string

// Item is one entry of a list. In TOML it is a plain string, or a table with a
// picture beside it or a privacy marking:
//
//	good_at = ["Swimming", { text = "Baking bread", picture = "images/bread.png", picture_alt = "A loaf" }]
type Item struct {
	Text       string  `toml:"text"`
	Picture    Picture `toml:"picture"`
	PictureAlt string  `toml:"picture_alt"`
	// Private keeps the item out of every document but the LLSP and the support plan.
	Private bool `toml:"private"`
	// Easy is the text in easy-read words (sentences of at most 15 words), for the
	// easy-read version; without it the easy-read version uses Text.
	Easy string `toml:"easy"`
}

// itemTable mirrors Item without its UnmarshalTOML method, for decoding the table form.
type itemTable Item

// UnmarshalTOML reads the string or the table form.
func (it *Item) UnmarshalTOML(v any) error {
	switch x := v.(type) {
	case string:
		*it = Item{Text: x}
		return nil
	case map[string]any:
		var t itemTable
		for k, val := range x {
			var err error
			switch k {
			case "text":
				t.Text, err = asString(val)
			case "picture":
				var s string
				s, err = asString(val)
				t.Picture = Picture(s)
			case "picture_alt":
				t.PictureAlt, err = asString(val)
			case "easy":
				t.Easy, err = asString(val)
			case "private":
				b, ok := val.(bool)
				if !ok {
					err = fmt.Errorf("expected true or false, found %s", kindOf(val))
				}
				t.Private = b
			default:
				// The loader's key walk reports unknown keys with their line first.
				err = fmt.Errorf("unknown key %q", k)
			}
			if err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
		}
		*it = Item(t)
		return nil
	default:
		return fmt.Errorf("expected text or a table with text, found %s", kindOf(v))
	}
}

func asString(v any) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("expected text, found %s", kindOf(v))
	}
	return s, nil
}

// kindOf names a decoded TOML value's type the way the TOML spec does.
func kindOf(v any) string {
	switch v.(type) {
	case string:
		return "text"
	case int64:
		return "an integer"
	case float64:
		return "a decimal number"
	case bool:
		return "true/false"
	case time.Time:
		return "a date"
	case []any, []map[string]any:
		return "a list"
	case map[string]any:
		return "a table"
	default:
		return fmt.Sprintf("%T", v)
	}
}

// Image is a picture the loader has read and checked.
type Image struct {
	Path   string // as written in the plan
	Format string // "png" or "jpeg"
	Data   []byte
	Width  int
	Height int
}
