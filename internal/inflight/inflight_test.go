package inflight

import (
	"testing"
	"time"
)

func TestGroup(t *testing.T) {
	var g Group
	release := make(chan struct{})
	ran := make(chan struct{})
	if !g.Go(func() { <-release; close(ran) }) {
		t.Fatal("an open group refused work")
	}
	if g.Close(time.Millisecond) {
		t.Error("Close reported done while work was blocked")
	}
	if g.Go(func() {}) || g.Enter() {
		t.Error("a closed group took new work")
	}
	close(release)
	if !g.Close(0) {
		t.Error("Close without a bound did not wait")
	}
	select {
	case <-ran:
	default:
		t.Error("Close returned before the work finished")
	}
}
