// The forecast chart. Data comes from the page's JSON block (no inline script, no fetch):
// the Content-Security-Policy allows only the portal's own files.
(function () {
  "use strict";
  var canvas = document.getElementById("prognosegrafiek");
  var bron = document.getElementById("prognosegegevens");
  if (!canvas || !bron || typeof Chart === "undefined") {
    return;
  }
  var gegevens = JSON.parse(bron.textContent);

  // Shortfall is hatched as well as red, so it does not depend on seeing colour.
  function arcering(kleur) {
    var tegel = document.createElement("canvas");
    tegel.width = 8;
    tegel.height = 8;
    var pen = tegel.getContext("2d");
    pen.fillStyle = "#ffffff";
    pen.fillRect(0, 0, 8, 8);
    pen.strokeStyle = kleur;
    pen.lineWidth = 2;
    pen.beginPath();
    pen.moveTo(0, 8);
    pen.lineTo(8, 0);
    pen.stroke();
    return pen.createPattern(tegel, "repeat");
  }

  var rustig = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: gegevens.kwartalen,
      datasets: [
        { label: "Verwachte vraag", data: gegevens.vraag, backgroundColor: "#1f4e79" },
        { label: "Vrije plaatsen", data: gegevens.vrijePlaatsen, backgroundColor: "#6b8e23" },
        {
          label: "Tekort",
          data: gegevens.tekort,
          backgroundColor: arcering("#b00020"),
          borderColor: "#b00020",
          borderWidth: 2,
        },
      ],
    },
    options: {
      animation: rustig ? false : undefined,
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, title: { display: true, text: "Plaatsen" } } },
      plugins: { legend: { position: "bottom" } },
    },
  });
})();
