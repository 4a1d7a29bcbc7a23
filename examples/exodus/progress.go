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
	return func(done, total int) {
		if total <= 0 {
			return
		}
		n := min(width, width*done/total)
		fmt.Fprintf(f, "\rsimulating [%s%s] %3d%%", strings.Repeat("=", n), strings.Repeat(" ", width-n), 100*done/total)
		if done >= total {
			fmt.Fprint(f, "\r\033[K") // clear the line when done
		}
	}
}
