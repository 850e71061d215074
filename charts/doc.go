// Package charts will render the dashboard's and reports' charts (calls per
// hour, direction split, top extensions and destinations, cost trend) as
// images with go-chart, shared by the desktop app, the PDF reports and the
// portal, including right-to-left Arabic labels.
package charts
