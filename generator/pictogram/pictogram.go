// Package pictogram is a small set of openly licensed pictures for easy-read
// documents: one for each kind of point a plan makes (home, money, health, people …),
// so every point has a picture even where the plan gives none of its own.
//
// The pictures are OpenMoji emoji (CC BY-SA 4.0; see openmoji/ATTRIBUTION.md and
// openmoji/LICENSE.txt). Templates choose them by the section and topic of a point,
// never by reading its words, so a picture cannot say something the text does not.
package pictogram

import (
	"bytes"
	"embed"
	"fmt"
	"image"
	_ "image/png" // the pictures are PNGs
	"sync"
)

//go:embed openmoji/*.png
var files embed.FS

// Pictogram is one picture with the words that stand for it.
type Pictogram struct {
	Name   string // e.g. "home"; the file is openmoji/<name>.png
	Alt    string // alternative text: what it shows and what it stands for
	Data   []byte // PNG
	Width  int
	Height int
}

// alts are the pictograms there are, with their alternative text. The text says what
// the picture shows, then what it stands for in a plan.
var alts = map[string]string{
	"achieved":    "A gold trophy: things I have done",
	"calendar":    "A calendar page: when it happens",
	"change":      "Footprints: steps forward",
	"community":   "Houses in a street: my town",
	"done":        "A green tick: something to do",
	"good-at":     "A yellow star: something I am good at",
	"happy":       "A smiling face: working well",
	"health":      "A stethoscope: my health",
	"home":        "A house: home",
	"hopes":       "A shining star: my hopes",
	"i-decide":    "A person with a hand up: I decide",
	"important":   "A red heart: important to me",
	"learn-best":  "A light bulb: how I learn best",
	"learning":    "A pile of books: learning",
	"meeting":     "A head speaking: having my say",
	"money":       "A pound note: money",
	"night":       "A bed: night time",
	"people":      "Two people: people in my life",
	"phone":       "A mobile phone: who to call",
	"question":    "A question mark: questions",
	"review":      "A clipboard: checking my plan",
	"safety":      "A shield: staying safe",
	"spare-money": "A purse: spare money",
	"support":     "Two people holding hands: support",
	"together":    "A handshake: we decide together",
	"travel":      "A bus: getting about",
	"unhappy":     "A sad face: not working well",
	"vote":        "A ballot box: voting",
	"words":       "An open book: hard words",
	"work":        "A briefcase: work",
}

// Attribution is the credit the licence asks for, to print wherever the pictures
// are shown.
const Attribution = "Pictures: OpenMoji (openmoji.org), the open-source emoji project of " +
	"HfG Schwäbisch Gmünd. Licence: CC BY-SA 4.0 " +
	"(creativecommons.org/licenses/by-sa/4.0). Drawn as PNG pictures for this plan."

// Get returns the pictogram with this name. Every call for a name returns the
// same Pictogram, read once per process: its Data must not be changed. Sharing
// the bytes also lets the PDF writer, which keeps parsed pictures by the
// identity of their bytes, parse each pictogram once rather than once per
// document (an easy-read version shows dozens).
func Get(name string) (*Pictogram, error) {
	all, err := loaded()
	if err != nil {
		return nil, err
	}
	p, ok := all[name]
	if !ok {
		return nil, fmt.Errorf("there is no pictogram %q", name)
	}
	return p, nil
}

// loaded reads and measures every pictogram, the first time one is asked for.
var loaded = sync.OnceValues(func() (map[string]*Pictogram, error) {
	all := make(map[string]*Pictogram, len(alts))
	for name, alt := range alts {
		data, err := files.ReadFile("openmoji/" + name + ".png")
		if err != nil {
			return nil, fmt.Errorf("pictogram %q: %w", name, err)
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("pictogram %q: %w", name, err)
		}
		all[name] = &Pictogram{Name: name, Alt: alt, Data: data, Width: cfg.Width, Height: cfg.Height}
	}
	return all, nil
})

// Exists reports whether there is a pictogram with this name.
func Exists(name string) bool {
	_, ok := alts[name]
	return ok
}
