package main

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// A bar is one sector's point headcount and its interval; note is printed
// to the right of its interval.
type bar struct {
	label         string
	value, lo, hi float64
	note          string
}

// barErrors adapts bars to plotter.XYer and plotter.XErrorer: bar i sits at
// y = i, its interval is drawn as an error bar around x = value.
type barErrors []bar

func (b barErrors) Len() int                      { return len(b) }
func (b barErrors) XY(i int) (x, y float64)       { return b[i].value, float64(i) }
func (b barErrors) XError(i int) (lo, hi float64) { return b[i].value - b[i].lo, b[i].hi - b[i].value }

// A chart is what writeChart draws: a horizontal bar chart with interval
// whiskers, the bars bottom-up in the order given (so callers pass them in
// the order they should read from the bottom).
type chart struct {
	title, subtitle string
	xlabel, ylabel  string
	source          string // the source line, printed under the x axis
	bars            []bar
}

// writeChart draws c and writes it to w in format ("svg" or "png").
func writeChart(w io.Writer, format string, c chart) error {
	if len(c.bars) == 0 {
		return fmt.Errorf("chart: nothing to draw")
	}
	p := plot.New()
	p.Title.Text = c.title
	if c.subtitle != "" {
		p.Title.Text += "\n" + c.subtitle
	}
	p.Title.Padding = vg.Points(8)
	p.Title.TextStyle.Font.Size = vg.Points(13)
	p.X.Label.Text = c.xlabel
	if c.source != "" {
		p.X.Label.Text += "\n" + c.source
	}
	p.Y.Label.Text = c.ylabel
	p.X.Min = 0
	p.Add(plotter.NewGrid())

	values := make(plotter.Values, len(c.bars))
	names := make([]string, len(c.bars))
	for i, b := range c.bars {
		values[i] = b.value
		// The figures in words go with the label, so that the axis can end
		// just past the longest whisker.
		names[i] = b.label
		if b.note != "" {
			names[i] += ": " + b.note
		}
		p.X.Max = max(p.X.Max, b.hi, b.value)
	}
	p.X.Max *= 1.03
	p.X.Tick.Marker = countTicks{}

	bc, err := plotter.NewBarChart(values, vg.Points(11))
	if err != nil {
		return fmt.Errorf("chart: %w", err)
	}
	bc.Horizontal = true
	bc.LineStyle.Width = 0
	bc.Color = color.RGBA{R: 0x4c, G: 0x78, B: 0xa8, A: 0xff} // prints well in greyscale
	p.Add(bc)

	eb, err := plotter.NewXErrorBars(barErrors(c.bars))
	if err != nil {
		return fmt.Errorf("chart: %w", err)
	}
	eb.LineStyle.Width = vg.Points(1.2)
	eb.CapWidth = vg.Points(6)
	p.Add(eb)

	p.NominalY(names...)
	// Half a bar's spacing and more around the first and last bars, so
	// that a chart of two sectors does not pin them to its edges.
	p.Y.Min, p.Y.Max = -0.75, float64(len(c.bars))-0.25

	// At least 300pt high: with a few bars, the titles and axes would
	// crowd out the plot.
	width, height := 11*vg.Inch, vg.Points(max(300, float64(90+22*len(c.bars))))
	var wt io.WriterTo
	switch strings.ToLower(format) {
	case "svg":
		// Embed the fonts, so that a viewer without Liberation Serif does
		// not substitute a wider face and push labels into the bars.
		svg := vgsvg.NewWith(vgsvg.UseWH(width, height), vgsvg.EmbedFonts(true))
		p.Draw(draw.New(svg))
		wt = svg
	default:
		var err error
		if wt, err = p.WriterTo(width, height, strings.ToLower(format)); err != nil {
			return fmt.Errorf("chart: %w", err)
		}
	}
	if _, err := wt.WriteTo(w); err != nil {
		return fmt.Errorf("chart: write %s: %w", format, err)
	}
	return nil
}

// countTicks labels a count axis at round steps (1, 2 or 5 times a power
// of ten, about five labels), in readable units: 0, 100k, 200k.
type countTicks struct{}

func (countTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) {
		return []plot.Tick{{Value: lo, Label: tickLabel(lo)}}
	}
	raw := (hi - lo) / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{2, 5, 10} {
		if step >= raw {
			break
		}
		step = m * mag
	}
	var ticks []plot.Tick
	for v := math.Ceil(lo/step) * step; v <= hi; v += step {
		ticks = append(ticks, plot.Tick{Value: v, Label: tickLabel(v)})
		if half := v + step/2; half <= hi {
			ticks = append(ticks, plot.Tick{Value: half}) // an unlabelled minor tick
		}
	}
	return ticks
}
