package bot

import (
	"slices"
	"testing"
)

// eachFormHash hashes exactly the forms withDeletes builds, in any
// script: the index and the lookups must meet.
func TestFormHashesAreWithDeletes(t *testing.T) {
	for _, w := range []string{"legal", "a", "aab", "påtale", "ørret", "naïve", "日本語"} {
		var want []uint64
		for _, f := range withDeletes(w) {
			want = append(want, formHash(f))
		}
		var got []uint64
		eachFormHash(w, func(h uint64) { got = append(got, h) })
		if !slices.Equal(got, want) {
			t.Errorf("%q: hashes %v, withDeletes' forms hash to %v", w, got, want)
		}
	}
}

// A form finds every target it is a form of, each as often as it is one.
func TestDeleteIndexFindsTargets(t *testing.T) {
	ix := newDeleteIndex([]string{"cannabis", "legal", "legat", "of", "regal", "law"})
	for _, tc := range []struct {
		form string
		want []string
	}{
		{"legal", []string{"legal"}},
		{"lega", []string{"legat", "legal"}}, // the last added first
		{"egal", []string{"regal", "legal"}},
		{"canabis", []string{"cannabis", "cannabis"}}, // either n deleted
		{"law", []string{"law"}},
		{"la", []string{"law"}},
		{"of", nil}, // shorter than minCorrectable-1: not indexed
		{"xyz", nil},
	} {
		var got []string
		ix.each(formHash(tc.form), func(t string) { got = append(got, t) })
		if !slices.Equal(got, tc.want) {
			t.Errorf("form %q finds %q, want %q", tc.form, got, tc.want)
		}
	}
}
