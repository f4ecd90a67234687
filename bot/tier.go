package bot

import (
	"math/big"
	"strings"
)

// How a penalty tier and the schedule's texts read, for answers and fact
// cards alike.

// personalUseTier is the name of the tier for personal use.
const personalUseTier = "personal use"

// Label names a tier's bounds ("Up to 15 g", "Over 1 kg, up to 80 kg",
// "Over 80 kg") in lang, with the tier's name when it is not just the
// range ("Up to 15 g (personal use)").
func (t Tier) Label(lang string) string {
	var label string
	switch {
	case t.Lower == nil || t.Lower.Sign() == 0:
		label = Message(lang, "card_range_up_to", "upper", gramsLabel(t.Upper))
	case t.Upper == nil:
		label = Message(lang, "card_range_over", "lower", gramsLabel(t.Lower))
	default:
		label = Message(lang, "card_range_between", "lower", gramsLabel(t.Lower), "upper", gramsLabel(t.Upper))
	}
	// Tier names are English and mostly repeat the range; only a name that
	// says something else is added, in lang for personal use.
	switch name := t.Name; {
	case name == personalUseTier:
		label += " (" + strings.ToLower(Message(lang, "card_personal_use_title")) + ")"
	case name != "" && lang == "en" && !strings.HasPrefix(name, "up to") && !strings.HasPrefix(name, "over"):
		label += " (" + name + ")"
	}
	return label
}

// gramsLabel writes a bound as the schedule does: whole kilograms in kg,
// anything else in g.
func gramsLabel(g *big.Rat) string {
	if g == nil {
		return "?"
	}
	if kg := new(big.Rat).Quo(g, big.NewRat(1000, 1)); kg.IsInt() && kg.Sign() > 0 {
		text, _ := FormatGrams(kg)
		return text + " kg"
	}
	text, _ := FormatGrams(g)
	return text + " g"
}

// Localized picks lang's text from a schedule's texts (a tier's penalty, a
// fact's answer), falling back to English.
func Localized(texts map[string]string, lang string) string {
	if s := texts[lang]; s != "" {
		return s
	}
	return texts["en"]
}
