package ui

import "testing"

func TestCoalescer(t *testing.T) {
	var c Coalescer
	if !c.Start() {
		t.Fatal("the first request did not run")
	}
	if c.Start() || c.Start() {
		t.Fatal("a request ran while another was running")
	}
	if !c.Finish() {
		t.Fatal("requests made meanwhile were forgotten")
	}
	if !c.Start() {
		t.Fatal("the run asked for meanwhile could not start")
	}
	if c.Finish() {
		t.Fatal("one run was asked for twice")
	}
}
