package main

import (
	"bytes"
	"image/png"
	"os"
	"strings"
	"testing"
)

func testBars() []bar {
	return []bar{
		{"A Agriculture", 20_000, 12_000, 31_000},
		{"J Information and communication", 310_000, 220_000, 400_000},
		{"M Professional, scientific", 95_000, 60_000, 140_000},
	}
}

func TestWriteChartPNG(t *testing.T) {
	var buf bytes.Buffer
	if err := writeChart(&buf, "png", "Emigrants by sector", "people", testBars()); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("output is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() < 400 || b.Dy() < 100 {
		t.Errorf("PNG is %dx%d, too small to read", b.Dx(), b.Dy())
	}
	if p := os.Getenv("EXODUS_CHART_OUT"); p != "" {
		var again bytes.Buffer
		_ = writeChart(&again, "png", "Emigrants by sector", "people", testBars())
		_ = os.WriteFile(p, again.Bytes(), 0o644)
	}
}

func TestWriteChartSVG(t *testing.T) {
	var buf bytes.Buffer
	if err := writeChart(&buf, "svg", "Emigrants by sector", "people", testBars()); err != nil {
		t.Fatal(err)
	}
	svg := buf.String()
	for _, want := range []string{"<svg", "Emigrants by sector", "people"} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}

func TestWriteChartEmpty(t *testing.T) {
	if err := writeChart(&bytes.Buffer{}, "png", "t", "x", nil); err == nil {
		t.Error("writeChart with no bars: want an error")
	}
}

func TestHumanCount(t *testing.T) {
	// hand: the axis labels a reader expects
	for v, want := range map[float64]string{0: "0", 800: "800", 25_000: "25k", 1_200_000: "1.2M", 100_000: "100k"} {
		if got := humanCount(v); got != want {
			t.Errorf("humanCount(%v) = %q, want %q", v, got, want)
		}
	}
}
