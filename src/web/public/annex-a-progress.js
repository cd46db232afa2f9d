// Progressive enhancement for the Annex A check: without JavaScript the page refreshes itself
// every two seconds (a meta refresh); with it, the progress bar moves without reloading, and
// the page reloads once when the check is done.
const box = document.querySelector('[data-progress-url]')
if (box) {
  const bar = box.querySelector('progress')
  const status = box.querySelector('[role="status"]')
  document.querySelector('meta[http-equiv="refresh"]')?.remove()
  const poll = async () => {
    try {
      const response = await fetch(box.dataset.progressUrl, { headers: { accept: 'application/json' } })
      const progress = await response.json()
      if (progress.status !== 'processing') return window.location.reload()
      if (progress.totalBytes) {
        const percent = Math.min(99, Math.round((progress.bytesRead / progress.totalBytes) * 100))
        bar.value = percent
        status.textContent = `Checking the workbook: ${percent}% read, ${progress.rows ?? 0} rows.`
      }
    } catch {
      // Keep trying: a slow network should not stop the page.
    }
    setTimeout(poll, 700)
  }
  setTimeout(poll, 700)
}
