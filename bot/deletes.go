package bot

import "unicode/utf8"

// deleteIndex finds a speller's targets by their forms: each target
// itself and each form of it with one rune deleted. It keeps a form as
// its 64-bit FNV-1a hash, not as a string, so building it allocates no
// string per form (it is most of a speller's build, and of the memory a
// process that answers one question touches); a collision can only add
// a candidate, which the speller checks by its distance like any other.
type deleteIndex struct {
	targets []string
	// heads maps a form's hash to 1 + the index in entries of the last
	// target added under it; entries chain back to the ones before.
	heads   map[uint64]int32
	entries []deleteEntry
}

// deleteEntry is a target under one form; next is 1 + the index of the
// entry added before it under the same form, or 0.
type deleteEntry struct {
	target, next int32
}

// newDeleteIndex indexes every target of at least minCorrectable-1 runes.
func newDeleteIndex(targets []string) deleteIndex {
	ix := deleteIndex{targets: targets, heads: make(map[uint64]int32, 8*len(targets))}
	ix.entries = make([]deleteEntry, 0, 8*len(targets))
	for t, w := range targets {
		if utf8.RuneCountInString(w) < minCorrectable-1 {
			continue
		}
		eachFormHash(w, func(h uint64) {
			ix.entries = append(ix.entries, deleteEntry{target: int32(t), next: ix.heads[h]})
			ix.heads[h] = int32(len(ix.entries))
		})
	}
	return ix
}

// each calls fn with every target under the form whose hash is h.
func (ix *deleteIndex) each(h uint64, fn func(target string)) {
	for e := ix.heads[h]; e != 0; e = ix.entries[e-1].next {
		fn(ix.targets[ix.entries[e-1].target])
	}
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// formHash is the FNV-1a hash of a form.
func formHash(form string) uint64 {
	return fnvExtend(fnvOffset, form)
}

func fnvExtend(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// eachFormHash calls fn with the hash of w and of every string made by
// deleting one rune of it (withDeletes' forms), without building them.
func eachFormHash(w string, fn func(uint64)) {
	fn(formHash(w))
	prefix := uint64(fnvOffset) // the hash of w[:i]
	for i, r := range w {
		fn(fnvExtend(prefix, w[i+utf8.RuneLen(r):]))
		prefix = fnvExtend(prefix, w[i:i+utf8.RuneLen(r)])
	}
}
