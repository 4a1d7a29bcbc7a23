package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// progressBar returns a Monte Carlo progress callback that draws a bar on w
// when w is a terminal, and nil otherwise (so pipes and files get nothing).
func progressBar(w io.Writer) func(done, total int) {
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	const width = 40
	last := -1 // the percentage drawn last; redraw only when it changes
	return func(done, total int) {
		if total <= 0 {
			return
		}
		pct := min(100, 100*done/total)
		if pct == last {
			return
		}
		last = pct
		n := min(width, width*done/total)
		fmt.Fprintf(f, "\rsimulating [%s%s] %3d%%", strings.Repeat("=", n), strings.Repeat(" ", width-n), pct)
		if done >= total {
			fmt.Fprint(f, "\r\033[K") // clear the line when done
		}
	}
}
