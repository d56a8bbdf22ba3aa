// Package money holds exact amounts: Pence for money and Decimal for rates, hours
// and quantities. Nothing here uses floating point arithmetic; a TOML float is read
// back to the shortest decimal that prints it, which is the number the user typed.
package money

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Pence is an amount of money in pence.
type Pence int64

// Decimal is an exact non-negative decimal number with up to four places, held as
// ten-thousandths: 52.143 is Decimal(521430).
type Decimal int64

// DecimalScale is the number of Decimal units in 1.
const DecimalScale = 10000

const maxPounds = 1_000_000_000 // a billion pounds: far above any personal budget

// ParsePence reads decimal pounds such as "13.50", "1,250" or "0.5" exactly.
// More than two decimal places, a currency sign, a sign or a huge amount is an error.
func ParsePence(s string) (Pence, error) {
	v, err := parseDecimal(s, 2, "an amount of money")
	if err != nil {
		return 0, err
	}
	return Pence(v), nil
}

// ParseDecimal reads a decimal number with up to four places exactly.
func ParseDecimal(s string) (Decimal, error) {
	v, err := parseDecimal(s, 4, "a number")
	if err != nil {
		return 0, err
	}
	return Decimal(v), nil
}

// parseDecimal returns s scaled by 10^places.
func parseDecimal(s string, places int, what string) (int64, error) {
	t := strings.TrimSpace(s)
	switch {
	case t == "":
		return 0, fmt.Errorf("%s is empty", what)
	case strings.HasPrefix(t, "£"), strings.HasPrefix(t, "$"), strings.HasPrefix(t, "€"):
		return 0, fmt.Errorf("%q: write %s without a currency sign, e.g. \"%s\"", s, what, strings.TrimLeft(t, "£$€"))
	case t[0] == '-':
		return 0, fmt.Errorf("%q: %s cannot be negative", s, what)
	case t[0] == '+':
		t = t[1:]
	}
	whole, frac, hasPoint := strings.Cut(t, ".")
	whole = strings.ReplaceAll(whole, ",", "")
	if whole == "" && hasPoint {
		whole = "0"
	}
	if !allDigits(whole) || (hasPoint && !allDigits(frac)) || (hasPoint && frac == "") {
		example := "37.5"
		if places == 2 {
			example = "1250.00"
		}
		return 0, fmt.Errorf("%q is not %s (write it like \"%s\")", s, what, example)
	}
	if len(frac) > places {
		return 0, fmt.Errorf("%q has more than %d decimal places", s, places)
	}
	if len(whole) > 10 {
		return 0, fmt.Errorf("%q is too large", s)
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w > maxPounds {
		return 0, fmt.Errorf("%q is too large", s)
	}
	scale := int64(math.Pow10(places))
	f := int64(0)
	if frac != "" {
		f, _ = strconv.ParseInt(frac+strings.Repeat("0", places-len(frac)), 10, 64)
	}
	return w*scale + f, nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// fromTOML turns a decoded TOML value (string, integer or float) into decimal text.
func fromTOML(v any) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case int64:
		if x < 0 {
			return "", fmt.Errorf("%d cannot be negative", x)
		}
		return strconv.FormatInt(x, 10), nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return "", errors.New("nan and inf are not numbers here")
		}
		if x < 0 {
			return "", fmt.Errorf("%s cannot be negative", strconv.FormatFloat(x, 'f', -1, 64))
		}
		return strconv.FormatFloat(x, 'f', -1, 64), nil
	default:
		return "", fmt.Errorf("expected a number or a quoted amount such as \"13.50\", found %s", tomlKind(v))
	}
}

func tomlKind(v any) string {
	switch v.(type) {
	case bool:
		return "true/false"
	case []any, []map[string]any:
		return "a list"
	case map[string]any:
		return "a table"
	default:
		return fmt.Sprintf("%T", v)
	}
}

// UnmarshalTOML reads "13.50", 13.50 or 13.
func (p *Pence) UnmarshalTOML(v any) error {
	s, err := fromTOML(v)
	if err != nil {
		return err
	}
	x, err := ParsePence(s)
	if err != nil {
		return err
	}
	*p = x
	return nil
}

// UnmarshalTOML reads "52.143", 52.143 or 52.
func (d *Decimal) UnmarshalTOML(v any) error {
	s, err := fromTOML(v)
	if err != nil {
		return err
	}
	x, err := ParseDecimal(s)
	if err != nil {
		return err
	}
	*d = x
	return nil
}

// String prints pounds with thousands separators: £13,520.00.
func (p Pence) String() string {
	sign := ""
	v := int64(p)
	if v < 0 {
		sign = "−" // a real minus sign, easier to see than a hyphen
		v = -v
	}
	return fmt.Sprintf("%s£%s.%02d", sign, group(v/100), v%100)
}

// Plain prints pounds without the currency sign or separators, for CSV: 13520.00.
func (p Pence) Plain() string {
	v := int64(p)
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
}

func group(v int64) string {
	s := strconv.FormatInt(v, 10)
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	lead := len(s) % 3
	if lead > 0 {
		b.WriteString(s[:lead])
	}
	for i := lead; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// String prints the shortest exact form: 52.143, 37.5, 12.
func (d Decimal) String() string {
	v := int64(d)
	s := strconv.FormatInt(v/DecimalScale, 10)
	frac := v % DecimalScale
	if frac == 0 {
		return s
	}
	f := strings.TrimRight(fmt.Sprintf("%04d", frac), "0")
	return s + "." + f
}

// MulDiv returns a*b/c rounded half up, for non-negative a, b and positive c,
// without overflow for any amount this package accepts.
func MulDiv(a, b, c int64) int64 {
	if c <= 0 {
		panic("money.MulDiv: divisor must be positive")
	}
	hi, lo := mul64(uint64(a), uint64(b))
	q, r := div128(hi, lo, uint64(c))
	if 2*r >= uint64(c) {
		q++
	}
	return int64(q)
}
