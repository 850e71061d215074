// Package charts renders the dashboard's and reports' charts as images:
// calls per hour of the day (CallsPerHour), the direction split
// (DirectionSplit), top extensions (TopExtensions), top destinations
// (TopDestinations) and the cost trend by day (CostTrend). The desktop app,
// the PDF reports and the web portal share it.
//
// Charts are pure functions of plain data and Options (size, scale,
// light or dark Theme, font, title, translated words): no database, no
// Fyne. They are drawn on go-chart's raster renderer
// (github.com/wcharczuk/go-chart/v2) with this package's own layout,
// because go-chart's chart types lack horizontal and absolute stacked
// bars, draw a white donut hole whatever the theme, and place titles over
// the plot. Value axes always hold zero and use round steps; values read
// as "1.5k", "2.3M"; a chart with nothing to show says so.
//
// Strings are drawn as given, left to right: Arabic labels must arrive
// shaped and in display order, and need a font with Arabic glyphs in
// Options.Font (runes that font lacks come from Options.Fallback, then
// from the built-in Roboto). The layout itself is not mirrored.
//
// In Fyne, show a chart with canvas.NewImageFromImage, drawn at the
// widget's size times canvas.Scale() with Options.Scale set to that
// scale; for PDFs and the portal, encode it with PNG.
package charts
