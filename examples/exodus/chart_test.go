package main

import (
	"bytes"
	"image/png"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func testChart() chart {
	return chart{
		title: "Emigrants by sector", subtitle: "Total 425,000", xlabel: "people", ylabel: "sector",
		bars: []bar{
			{"A Agriculture", 20_000, 12_000, 31_000, "20,000 (12k–31k)"},
			{"J Information and communication", 310_000, 220_000, 400_000, "310,000 (220k–400k)"},
			{"M Professional, scientific", 95_000, 60_000, 140_000, "95,000 (60k–140k)"},
		},
	}
}

func TestWriteChartPNG(t *testing.T) {
	var buf bytes.Buffer
	if err := writeChart(&buf, "png", testChart()); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("output is not a PNG: %v", err)
	}
	// hand: 11 in × 96 dpi = 1056 px wide; three bars still get the minimum
	// height, 300 pt × 96/72 = 400 px, so the titles do not crowd them out.
	if b := img.Bounds(); b.Dx() != 1056 || b.Dy() != 400 {
		t.Errorf("PNG is %dx%d, want 1056x400", b.Dx(), b.Dy())
	}
}

func TestWriteChartSVG(t *testing.T) {
	var buf bytes.Buffer
	if err := writeChart(&buf, "svg", testChart()); err != nil {
		t.Fatal(err)
	}
	svg := buf.String()
	// Title, both axis labels, every bar's name and note, and the embedded
	// font that keeps them from spilling over in other viewers.
	for _, want := range []string{"<svg", "Emigrants by sector", "Total 425,000", ">people<", ">sector<",
		"J Information and communication", "310,000 (220k–400k)", "@font-face"} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}

func TestWriteChartEmpty(t *testing.T) {
	if err := writeChart(&bytes.Buffer{}, "png", chart{title: "t"}); err == nil {
		t.Error("writeChart with no bars: want an error")
	}
}

func TestCountTicks(t *testing.T) {
	// hand: (806,000 − 0)/5 = 161,200 → step 200k (1, 2, 5 × 10^5), minor
	// ticks halfway, the last label at 800k.
	var labels []string
	for _, tk := range (countTicks{}).Ticks(0, 806_000) {
		if tk.Label != "" {
			labels = append(labels, tk.Label)
		}
	}
	if diff := cmp.Diff([]string{"0", "200k", "400k", "600k", "800k"}, labels); diff != "" {
		t.Errorf("Ticks(0, 806000) labels mismatch (-want +got):\n%s", diff)
	}
}

func TestFormat(t *testing.T) {
	// hand: the conventions of the report (format.go)
	tests := []struct{ got, want string }{
		{humanSig(809_388, 2), "810k"},
		{humanSig(999_950, 2), "1.0M"}, // rounds up across the suffix, not "1000k"
		{humanSig(1_000_000, 2), "1.0M"},
		{humanSig(9_000, 2), "9.0k"},
		{humanSig(2.5e9, 2), "2.5bn"},
		{humanCount(4_494_800), "4.49M"},
		{humanCount(1_200_000), "1.20M"},
		{humanCount(820), "820"},
		{tickLabel(1_200_000), "1.2M"},
		{tickLabel(300_000), "300k"},
		{tickLabel(0), "0"},
		{rangeText(450_123, 1_670_000), "450k–1.7M"},
		{rangeText(590_000, 999_990), "590k–1.0M"},
		{rangeText(0.12, 0.94), "0–1"}, // whole people, outward
		{rangeText(1.4, 5.6), "1–6"},
		{rangeText(19.2, 86.1), "19–87"},
		{rangeText(116.4, 116.4), "116"}, // a fixed figure
		{summaryText(1_108_000, 938_750, 1_314_250), "1.1M (90%: 940k–1.3M)"},
		{commas(1_126_500), "1,126,500"},
		{commas(-1_000), "-1,000"},
		{shareText(0.176, 0.091, 0.379), "17.6% (9.1–37.9%)"},
		{shareText(math.NaN(), 0, 0), "–"},
		{shortTitle("D", "Electricity, gas, steam and air conditioning supply"), "Electricity, gas and steam supply"},
		{shortTitle("C", "Manufacturing"), "Manufacturing"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}
