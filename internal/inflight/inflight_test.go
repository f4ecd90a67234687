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

func TestDeadline(t *testing.T) {
	var g Group
	defer g.Close(0)
	never := func(int) { t.Error("late called for work done in time") }
	if r, in, _, ok := Deadline(&g, time.Minute, func() int { return 1 }, never); !ok || !in || r != 1 {
		t.Errorf("fast work: %d %v %v", r, in, ok)
	}
	release, got := make(chan struct{}), make(chan int, 1)
	_, in, ack, ok := Deadline(&g, time.Millisecond, func() int { <-release; return 2 }, func(r int) { got <- r })
	if !ok || in {
		t.Fatalf("slow work reported in time")
	}
	close(release)
	ack(true)
	if r := <-got; r != 2 {
		t.Errorf("late got %d", r)
	}
	release = make(chan struct{})
	_, _, ack, _ = Deadline(&g, time.Millisecond, func() int { <-release; return 3 }, func(int) { t.Error("late after a failed acknowledgement") })
	ack(false)
	close(release)
	g.Wait()
}
