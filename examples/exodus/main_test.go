package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestRunDefault(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run(context.Background(), nil, &out, &errOut); err != nil {
		t.Fatalf("run: %v\nstderr: %s", err, errOut.String())
	}
	// The article's four figures each appear with their publisher.
	for _, want := range []string{"UK Ministry of Defence", "The Bell", "Alfa Bank", "Central Bank of Russia"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

func TestRunBadArgument(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"extra"}, &out, &errOut); err == nil {
		t.Fatal("run with a stray argument: want an error")
	}
	if out.Len() != 0 {
		t.Errorf("stdout written on error: %q", out.String())
	}
}
