package plan

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// handWrittenPictures are the places the loader looked for pictures when it listed
// them by hand (validate.go before the list came from the types), in its order.
var handWrittenPictures = []string{
	"person.photo", "about.picture", "organisation.logo", "changes[].picture", "support.items[].picture",
	"about.liked_and_admired[].picture", "about.good_at[].picture", "about.achievements[].picture",
	"about.interests[].picture", "about.hopes[].picture", "about.learning_now[].picture",
	"about.learning_next[].picture", "important_to.items[].picture", "important_to.want_to_learn[].picture",
	"important_for.healthy[].picture", "important_for.safe[].picture", "important_for.community[].picture",
	"important_for.need_to_learn[].picture", "management.want_to_learn[].picture", "control.want_to_learn[].picture",
	"working.person_working[].picture", "working.person_not_working[].picture", "working.family_working[].picture",
	"working.family_not_working[].picture", "family.hopes[].picture", "family.concerns[].picture",
	"family.family_issues[].picture", "team.essential[].picture", "team.desirable[].picture",
	"team.characteristics[].picture", "team.shared_interests[].picture", "service.to_commission[].picture",
	"housing.areas[].picture", "housing.near[].picture", "housing.avoid[].picture", "housing.wrong_if[].picture",
	"daily_life.good_day[].picture", "daily_life.bad_day[].picture", "health.conditions[].picture",
	"health.routines[].picture", "person.information.adjustments[].picture",
	"about.people[].information.adjustments[].picture",
}

// The hand-written list had missed four lists of items added later: their
// pictures were never loaded (nor their alternative text required).
var missedPictures = []string{
	"housing.essential[].picture", "housing.preferred[].picture", "first_shift.dos[].picture", "first_shift.donts[].picture",
}

// TestPicturesFromTheTypes: the pictures found in the types include every place
// the hand-written list had and the four lists it missed (more may be added to the
// types later, and are found), each with its alternative text's key.
func TestPicturesFromTheTypes(t *testing.T) {
	var got []string
	for _, fp := range planPictures {
		got = append(got, fp.schemaKey())
		if fp.alt < 0 {
			t.Errorf("%s has no text key %s beside it for its alternative text", fp.schemaKey(), fp.altKey)
		}
	}
	for _, k := range slices.Concat(handWrittenPictures, missedPictures) {
		if !slices.Contains(got, k) {
			t.Errorf("no picture found at %s", k)
		}
	}
	keys := SchemaKeys()
	for _, fp := range planPictures {
		k := strings.Replace(fp.schemaKey(), "[].picture", "", 1)
		if !slices.Contains(keys, fp.schemaKey()) && !(strings.HasSuffix(fp.schemaKey(), "[].picture") && slices.Contains(keys, k)) {
			t.Errorf("%s is not a key of the schema", fp.schemaKey())
		}
	}
	// File order: the order of the fields in the types.
	if got[0] != "person.photo" || got[1] != "person.information.adjustments[].picture" || got[len(got)-1] != "organisation.logo" {
		t.Errorf("pictures are not in the types' order: %v", got)
	}
}

// fillPictures gives every picture of v a different name and every list one
// element, and returns the names, walking the value (not the types' paths), so a
// picture anywhere is counted.
func fillPictures(v reflect.Value, names *[]string) {
	switch t := v.Type(); {
	case t == pictureGoType:
		name := fmt.Sprintf("p%d.png", len(*names))
		*names = append(*names, name)
		v.SetString(name)
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
		v.Set(reflect.MakeSlice(t, 2, 2))
		fillPictures(v.Index(0), names)
		fillPictures(v.Index(1), names)
	case t.Kind() == reflect.Struct:
		for i := range t.NumField() {
			if FieldKey(t.Field(i)) != "" {
				fillPictures(v.Field(i), names)
			}
		}
	}
}

// TestEveryPictureIsChecked: in a plan with a picture in every place one can go,
// every picture is loaded and every one without alternative text is an error at
// its own key. A picture added to any type is covered.
func TestEveryPictureIsChecked(t *testing.T) {
	var p Plan
	var names []string
	fillPictures(reflect.ValueOf(&p).Elem(), &names)
	refs := pictureRefs(&p)
	var got []string
	for _, r := range refs {
		got = append(got, string(r.pic))
		if !strings.HasSuffix(r.altKey, "_alt") || r.alt != "" {
			t.Errorf("%s: alternative text %s = %q", r.key, r.altKey, r.alt)
		}
	}
	if !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(names))) {
		t.Fatalf("pictureRefs found %d of %d pictures:\n%v\n%v", len(got), len(names), got, names)
	}
	pics := fstest.MapFS{}
	for _, n := range names {
		pics[n] = &fstest.MapFile{Data: pngBytes(t, 4, 4)}
	}
	l := &loader{file: "test.toml"}
	p.Source.Pics = map[string]*Image{}
	l.pictures(&p, pics)
	if len(p.Source.Pics) != len(names) {
		t.Errorf("%d of %d pictures loaded", len(p.Source.Pics), len(names))
	}
	if len(l.errs) != len(names) {
		t.Errorf("%d errors for %d pictures without alternative text", len(l.errs), len(names))
	}
	for i, e := range l.errs {
		if want := fmt.Sprintf("picture %q needs alternative text (%s)", refs[i].pic, refs[i].altKey); e.Key != refs[i].key || !strings.HasPrefix(e.Msg, want) {
			t.Errorf("error %d: %s: %s, want %s: %s", i, e.Key, e.Msg, refs[i].key, want)
		}
	}
}

func TestPictureErrorsAtTheirKeys(t *testing.T) {
	pics := fstest.MapFS{"a.png": {Data: pngBytes(t, 4, 4)}}
	for _, tc := range []struct{ name, src, want string }{
		{"item of a list the hand-written list missed", "[housing]\nessential = [{ text = \"A garden\", picture = \"a.png\" }]\n",
			`test.toml:4:35: housing.essential[0].picture: picture "a.png" needs alternative text (picture_alt) for people who cannot see it`},
		{"first-shift item", "[first_shift]\ndos = [{ text = \"Smile\", picture = \"none.png\", picture_alt = \"x\" }]\n",
			`test.toml:4:26: first_shift.dos[0].picture: picture "none.png" was not found in the plan's folder`},
		{"the same picture described once, shown twice", "photo = \"a.png\"\nphoto_alt = \"Amira\"\n[about]\npicture = \"a.png\"\n",
			`test.toml:6:1: about.picture: picture "a.png" needs alternative text (picture_alt) for people who cannot see it`},
		{"a carer's adjustment", "[[about.people]]\nname = \"Mum\"\n[about.people.information]\nadjustments = [{ text = \"Large print\", picture = \"a.png\" }]\n",
			`test.toml:6:40: about.people[0].information.adjustments[0].picture: picture "a.png" needs alternative text (picture_alt) for people who cannot see it`},
		{"logo", "[organisation]\nlogo = \"a.png\"\n", `test.toml:4:1: organisation.logo: picture "a.png" needs alternative text (logo_alt) for people who cannot see it`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("test.toml", []byte("[person]\nname = \"T\"\n"+tc.src), pics)
			if err == nil || err.Error() != tc.want {
				t.Errorf("got %v\nwant %s", err, tc.want)
			}
		})
	}
}

// BenchmarkPictureRefs is the part of a load the types' walk replaced: finding
// every picture of the full sample plan.
func BenchmarkPictureRefs(b *testing.B) {
	p, err := Load("../../samples/amira.toml")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if len(pictureRefs(p)) == 0 {
			b.Fatal("no pictures")
		}
	}
}
