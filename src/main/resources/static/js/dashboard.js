// Draws the weekly SLA achievement chart from the JSON the page carries; the same
// numbers are in the table below it.
(function () {
  var data = document.getElementById('sla-trend');
  var canvas = document.getElementById('sla-chart');
  if (!data || !canvas || typeof Chart === 'undefined') {
    return;
  }
  var trend = JSON.parse(data.textContent);
  var colours = ['#1d70b8', '#f47738', '#00703c'];
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: trend.labels,
      datasets: trend.series.map(function (series, i) {
        return {
          label: series.label,
          data: series.data,
          borderColor: colours[i % colours.length],
          backgroundColor: colours[i % colours.length],
          spanGaps: true,
          tension: 0
        };
      })
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { y: { min: 0, max: 100, title: { display: true, text: '% met' } } }
    }
  });
})();
