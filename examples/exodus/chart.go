package main

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// A bar is one sector's point headcount and its interval.
type bar struct {
	label         string
	value, lo, hi float64
}

// barErrors adapts bars to plotter.XYer and plotter.XErrorer: bar i sits at
// y = i, its interval is drawn as an error bar around x = value.
type barErrors []bar

func (b barErrors) Len() int                      { return len(b) }
func (b barErrors) XY(i int) (x, y float64)       { return b[i].value, float64(i) }
func (b barErrors) XError(i int) (lo, hi float64) { return b[i].value - b[i].lo, b[i].hi - b[i].value }

// writeChart draws a horizontal bar chart of bars, with interval whiskers,
// and writes it to w in format ("svg" or "png"). Bars are drawn bottom-up in
// the order given, so callers pass them in the order they should read from
// the bottom.
func writeChart(w io.Writer, format, title, xlabel string, bars []bar) error {
	if len(bars) == 0 {
		return fmt.Errorf("chart: nothing to draw")
	}
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = xlabel
	p.X.Min = 0
	p.X.Tick.Marker = thousandsTicks{}
	p.Add(plotter.NewGrid())

	values := make(plotter.Values, len(bars))
	names := make([]string, len(bars))
	for i, b := range bars {
		values[i] = b.value
		names[i] = b.label
		p.X.Max = max(p.X.Max, b.hi*1.05) // room for the longest whisker
	}
	bc, err := plotter.NewBarChart(values, vg.Points(11))
	if err != nil {
		return fmt.Errorf("chart: %w", err)
	}
	bc.Horizontal = true
	bc.LineStyle.Width = 0
	bc.Color = color.RGBA{R: 0x4c, G: 0x78, B: 0xa8, A: 0xff} // prints well in greyscale
	p.Add(bc)

	eb, err := plotter.NewXErrorBars(barErrors(bars))
	if err != nil {
		return fmt.Errorf("chart: %w", err)
	}
	eb.LineStyle.Width = vg.Points(1.2)
	eb.CapWidth = vg.Points(6)
	p.Add(eb)
	p.NominalY(names...)

	height := vg.Points(float64(60 + 22*len(bars)))
	wt, err := p.WriterTo(9*vg.Inch, height, strings.ToLower(format))
	if err != nil {
		return fmt.Errorf("chart: %w", err)
	}
	if _, err := wt.WriteTo(w); err != nil {
		return fmt.Errorf("chart: write %s: %w", format, err)
	}
	return nil
}

// thousandsTicks labels the headcount axis in readable units (10k, 100k).
type thousandsTicks struct{}

func (thousandsTicks) Ticks(min, max float64) []plot.Tick {
	ticks := plot.DefaultTicks{}.Ticks(min, max)
	for i := range ticks {
		if ticks[i].Label != "" {
			ticks[i].Label = humanCount(ticks[i].Value)
		}
	}
	return ticks
}

// humanCount writes a number of people to at most three significant
// digits with a k or M suffix: 0, 820, 25k, 1.2M, 13.4M.
func humanCount(v float64) string { return humanSig(v, 3) }

// humanSig writes v to at most sig significant digits, with a k or M suffix.
func humanSig(v float64, sig int) string {
	suffix := ""
	switch a := math.Abs(roundSig(v, sig)); {
	case a >= 1e6:
		v, suffix = v/1e6, "M"
	case a >= 1e3:
		v, suffix = v/1e3, "k"
	}
	return strconv.FormatFloat(roundSig(v, sig), 'f', -1, 64) + suffix
}
