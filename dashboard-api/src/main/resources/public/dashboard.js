// TickLake dashboard: a REST snapshot on load, then every KPI update pushed over /ws/kpis (no polling).
// Frames flagged "provisional" carry values read before their commit: shown dimmed until the confirmed
// (committed) value of the same window replaces them; only confirmed values are final. Alerts likewise: a
// provisional alert is shown dimmed until its confirmed copy replaces it in place (see addAlert).
(function () {
    'use strict';

    const MAX_CANDLES = 240;
    const UP = '#1f8a4c';
    const DOWN = '#b3261e';
    const PROVISIONAL_OPACITY = 0.45;
    const WINDOWS = ['1m', '5m', '15m', '1h'];
    const QUERY = new URLSearchParams(location.search);
    const WANTED_SYMBOL = QUERY.get('symbol');                                     // ?symbol=AAPL
    const WANTED_WINDOW = WINDOWS.includes(QUERY.get('window')) ? QUERY.get('window') : '1m';   // &window=5m
    const HISTORY_DAYS = 90;
    const DAY_MS = 24 * 60 * 60 * 1000;
    const state = {
        symbol: null,
        window: WANTED_WINDOW,   // window size of the chart's candles
        candles: new Map(),      // window_start -> KPI of the selected symbol and window
        emptyReason: 'Loading…', // what the chart says while it has no candle
        hourly: new Map(),       // symbol -> latest 1h KPI (the table)
        socket: null,
        reconnectDelay: 500,
        streamsReady: true,      // false while the API answers 503
        renderPending: false,
        snapshotRetry: null,     // timer of the next snapshot attempt after a failed one
        alerts: []               // newest first, at most MAX_ALERTS
    };
    const MAX_ALERTS = 200;
    // a provisional alert not confirmed within this was taken back (its transaction aborted): it is removed
    const PROVISIONAL_ALERT_MS = 30000;
    const WINDOW_MS = {'1m': 60000, '5m': 300000, '15m': 900000, '1h': 3600000};

    const chartElement = document.getElementById('chart');
    const chart = echarts.init(chartElement);
    const historyChart = echarts.init(document.getElementById('history-chart'));
    const qualityChart = echarts.init(document.getElementById('quality-chart'));
    const qualityMetric = document.getElementById('quality-metric');
    const select = document.getElementById('symbol');
    const windowSelect = document.getElementById('window');
    const chartMessage = document.getElementById('chart-message');
    const symbolFilter = document.getElementById('symbol-filter');
    const historyFrom = document.getElementById('history-from');
    const historyTo = document.getElementById('history-to');
    const tableBody = document.querySelector('#symbols tbody');
    const statusElement = document.getElementById('status');

    window.addEventListener('resize', () => {
        chart.resize();
        historyChart.resize();
        qualityChart.resize();
    });

    // ---- REST -------------------------------------------------------------------------------------

    /** GET as JSON; waits and retries while the API answers 503 (streams starting or rebalancing). */
    async function getJson(url) {
        for (;;) {
            const response = await fetch(url, {headers: {Accept: 'application/json'}});
            if (response.status === 503) {
                const seconds = parseInt(response.headers.get('Retry-After') || '1', 10);
                state.streamsReady = false;
                refreshStatus();
                await new Promise(resolve => setTimeout(resolve, Math.max(1, seconds) * 1000));
                continue;
            }
            if (!state.streamsReady) {
                state.streamsReady = true;
                refreshStatus();
            }
            const body = await response.json();
            if (!response.ok) {
                const error = new Error(body.error || response.statusText);
                error.status = response.status;
                throw error;
            }
            return body;
        }
    }

    async function loadSnapshot() {
        const [symbols, hourly] = await Promise.all([getJson('/api/symbols'), getJson('/api/kpis?window=1h')]);
        // the push may have delivered newer values while these requests were in flight
        hourly.filter(kpi => replaces(kpi, state.hourly.get(kpi.symbol))).forEach(kpi => state.hourly.set(kpi.symbol, kpi));
        symbols.forEach(s => ensureOption(s.symbol));
        renderTable();
        if (state.symbol) {
            await loadCandles(state.symbol, state.window);
        } else if (symbols.length > 0) {
            await selectSymbol(symbols[0].symbol);
        } else {
            state.emptyReason = 'No symbols yet: no tick has reached the streams app (start the simulator or your producer).';
            scheduleRender();
        }
    }

    /** The snapshot, retried with a growing delay until it loads: one failed request must not leave the page empty. */
    function refreshSnapshot(delay = 1000) {
        clearTimeout(state.snapshotRetry);
        loadSnapshot().catch(e => {
            console.error('snapshot failed, retrying in ' + delay + ' ms:', e);
            state.snapshotRetry = setTimeout(() => refreshSnapshot(Math.min(delay * 2, 10000)), delay);
        });
    }

    async function loadCandles(symbol, size) {
        let kpis = [];
        let unknown = false;
        try {
            kpis = await getJson('/api/kpis/' + encodeURIComponent(symbol) + '?window=' + size);
        } catch (e) {
            if (e.status !== 404) {
                throw e;
            }
            unknown = true;
        }
        if (symbol !== state.symbol || size !== state.window) {
            return;
        }
        state.emptyReason = unknown
            ? symbol + ' is unknown: no tick of it has reached the streams app (is its producer running?).'
            : 'No ' + size + ' candles of ' + symbol + ' in the kept KPI history: it has had no tick for that long.';
        kpis.filter(kpi => replaces(kpi, state.candles.get(kpi.window_start)))
            .forEach(kpi => state.candles.set(kpi.window_start, kpi));
        scheduleRender();
    }

    function selectSymbol(symbol) {
        return showChart(symbol, state.window);
    }

    /** The chart shows {@code size} candles of {@code symbol}: the address says so, and the push follows. */
    async function showChart(symbol, size) {
        const previous = {symbol: state.symbol, window: state.window};
        state.symbol = symbol;
        state.window = size;
        ensureOption(symbol);
        select.value = symbol;
        windowSelect.value = size;
        chartElement.dataset.window = size;
        document.getElementById('chart-title').textContent = symbol + ' — ' + size + ' candles';
        window.history.replaceState(null, '', '?symbol=' + encodeURIComponent(symbol) + (size === '1m' ? '' : '&window=' + size));
        if (previous.symbol && (previous.symbol !== symbol || previous.window !== size)) {
            // the table's wildcard subscription to 1h stays: unsubscribing a symbol removes only that symbol
            send({action: 'unsubscribe', symbols: [previous.symbol], windows: [previous.window]});
        }
        send({action: 'subscribe', symbols: [symbol], windows: [size]});
        highlightRow();
        state.candles.clear();
        state.emptyReason = 'Loading ' + size + ' candles of ' + symbol + '…';
        scheduleRender();
        await loadCandles(symbol, size);
        if (previous.symbol !== symbol) {
            loadHistory(symbol);
        }
    }

    // ---- WebSocket --------------------------------------------------------------------------------

    function connect() {
        const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
        const socket = new WebSocket(scheme + location.host + '/ws/kpis');
        state.socket = socket;
        socket.onopen = () => {
            state.reconnectDelay = 500;
            refreshStatus();
            send({action: 'subscribe', symbols: ['*'], windows: ['1h']});
            send({action: 'subscribe', channel: 'alerts', symbols: ['*']});
            if (state.symbol) {
                send({action: 'subscribe', symbols: [state.symbol], windows: [state.window]});
            }
            // updates missed while disconnected come from a fresh snapshot
            refreshSnapshot();
            loadAlerts();
        };
        socket.onmessage = event => onFrame(JSON.parse(event.data));
        socket.onclose = () => {
            refreshStatus();
            setTimeout(connect, state.reconnectDelay);
            state.reconnectDelay = Math.min(state.reconnectDelay * 2, 10000);
        };
    }

    function send(message) {
        if (state.socket && state.socket.readyState === WebSocket.OPEN) {
            state.socket.send(JSON.stringify(message));
        }
    }

    function onFrame(frame) {
        if (frame.type === 'kpis') {
            frame.kpis.forEach(kpi => {
                kpi.provisional = frame.provisional === true;
                onKpi(kpi);
            });
            if (frame.dropped > 0) {
                // the server dropped updates for this slow client: catch up from REST
                refreshSnapshot();
            }
        } else if (frame.type === 'alert') {
            addAlert(frame.alert, true, frame.provisional === true);
        } else if (frame.type === 'error') {
            console.warn('subscription refused:', frame.error);
        }
    }

    /**
     * Whether {@code next} is newer than what is shown for the same key. Values of an earlier window never
     * win (a snapshot read before the hour turned). Within one window, counts only grow between commits:
     * a confirmed value with fewer ticks than the confirmed one shown was read before it (a snapshot that
     * raced the push), and a provisional value must carry more ticks than the confirmed one shown. A
     * confirmed value always replaces a provisional one, also one with more ticks that a crash took back.
     */
    function replaces(next, current) {
        if (!current) {
            return true;
        }
        if (current.window_start !== next.window_start) {
            return current.window_start < next.window_start;
        }
        if (current.provisional) {
            return !next.provisional || next.trade_count >= current.trade_count;
        }
        return next.provisional ? next.trade_count > current.trade_count : next.trade_count >= current.trade_count;
    }

    function onKpi(kpi) {
        if (kpi.window === '1h' && replaces(kpi, state.hourly.get(kpi.symbol))) {
            state.hourly.set(kpi.symbol, kpi);
            ensureOption(kpi.symbol);
            renderRow(kpi);
            if (!state.symbol) {
                // no symbol in the address (that one is selected at start, before any frame): the first one seen
                selectSymbol(kpi.symbol).catch(e => console.error(e));
            }
        }
        if (kpi.window === state.window && kpi.symbol === state.symbol
                && replaces(kpi, state.candles.get(kpi.window_start))) {
            state.candles.set(kpi.window_start, kpi);
            scheduleRender();
        }
    }

    // ---- table ------------------------------------------------------------------------------------

    function ensureOption(symbol) {
        if (![...select.options].some(option => option.value === symbol)) {
            const option = new Option(symbol, symbol);
            const after = [...select.options].find(existing => existing.value > symbol);
            select.add(option, after || null);
        }
    }

    function renderTable() {
        [...state.hourly.values()].sort((a, b) => a.symbol.localeCompare(b.symbol)).forEach(renderRow);
    }

    function renderRow(kpi) {
        let row = tableBody.querySelector('tr[data-symbol="' + CSS.escape(kpi.symbol) + '"]');
        if (!row) {
            row = document.createElement('tr');
            row.dataset.symbol = kpi.symbol;
            row.innerHTML = '<td class="symbol"></td><td class="num last"></td><td class="num change"></td>'
                + '<td class="num change-pct"></td><td class="num vwap"></td><td class="num volume"></td>'
                + '<td class="updated"></td>';
            row.addEventListener('click', () => selectSymbol(kpi.symbol));
            const after = [...tableBody.rows].find(existing => existing.dataset.symbol > kpi.symbol);
            tableBody.insertBefore(row, after || null);
            filterRow(row);
        }
        const change = kpi.close - kpi.open;
        const changePct = kpi.open === 0 ? 0 : 100 * change / kpi.open;
        row.querySelector('.symbol').textContent = kpi.symbol;
        row.querySelector('.last').textContent = price(kpi.close);
        setChange(row.querySelector('.change'), change, price(change));
        setChange(row.querySelector('.change-pct'), change, changePct.toFixed(2) + '%');
        row.querySelector('.vwap').textContent = price(kpi.vwap);
        row.querySelector('.vwap').classList.add('wide');
        row.querySelector('.updated').classList.add('wide');
        row.querySelector('.volume').textContent = kpi.volume.toLocaleString('en-US');
        row.querySelector('.updated').textContent = kpi.last_event_time.substring(11, 19);
        row.classList.toggle('provisional', kpi.provisional === true);
        row.title = kpi.provisional ? 'provisional: not committed yet' : '';
        row.classList.remove('flash');
        void row.offsetWidth;
        row.classList.add('flash');
        highlightRow();
    }

    function setChange(cell, change, text) {
        cell.textContent = text;
        cell.classList.toggle('up', change > 0);
        cell.classList.toggle('down', change < 0);
    }

    /** Rows whose symbol contains the filter's text (any case); every row when it is empty. */
    function filterRow(row) {
        const text = symbolFilter.value.trim().toUpperCase();
        row.hidden = text !== '' && !row.dataset.symbol.includes(text);
    }

    symbolFilter.addEventListener('input', () => [...tableBody.rows].forEach(filterRow));
    symbolFilter.addEventListener('keydown', event => {
        const first = [...tableBody.rows].find(row => !row.hidden);
        if (event.key === 'Enter' && first) {
            selectSymbol(first.dataset.symbol).catch(e => console.error(e));
        }
    });

    function highlightRow() {
        [...tableBody.rows].forEach(row => row.classList.toggle('selected', row.dataset.symbol === state.symbol));
    }

    function price(value) {
        return value.toFixed(Math.abs(value) >= 100 ? 2 : 4);
    }

    // ---- candles ----------------------------------------------------------------------------------

    function scheduleRender() {
        if (!state.renderPending) {
            state.renderPending = true;
            requestAnimationFrame(() => {
                state.renderPending = false;
                renderChart();
            });
        }
    }

    function renderChart() {
        const kpis = [...state.candles.values()].sort((a, b) => a.window_start.localeCompare(b.window_start))
            .slice(-MAX_CANDLES);
        // hours span days: their labels carry the date
        const times = kpis.map(kpi => state.window === '1h' ? kpi.window_start.substring(5, 16).replace('T', ' ')
            : kpi.window_start.substring(11, 16));
        chartMessage.textContent = kpis.length ? '' : state.emptyReason;
        const marks = alertMarks(kpis);
        chart.setOption({
            animation: false,
            legend: {top: 0, data: ['candles', 'avg', 'ma_15m', 'ma_1h']},
            tooltip: {trigger: 'axis', axisPointer: {type: 'cross'}},
            axisPointer: {link: [{xAxisIndex: 'all'}]},
            grid: [{left: 64, right: 24, top: 36, height: '56%'}, {left: 64, right: 24, top: '72%', height: '12%'}],
            xAxis: [
                {type: 'category', data: times, boundaryGap: true, axisLine: {onZero: false}},
                {type: 'category', gridIndex: 1, data: times, boundaryGap: true, axisLabel: {show: false}}
            ],
            yAxis: [
                {scale: true, splitArea: {show: true}},
                {gridIndex: 1, scale: true, splitNumber: 2, axisLabel: {show: false}}
            ],
            // zoom with the wheel or the slider, pan by dragging; kept across updates (no start/end given here)
            dataZoom: [{type: 'inside', xAxisIndex: [0, 1]}, {type: 'slider', xAxisIndex: [0, 1], bottom: 6, height: 20}],
            series: [
                {
                    name: 'candles', type: 'candlestick',
                    data: kpis.map(kpi => ({
                        value: [kpi.open, kpi.close, kpi.low, kpi.high],
                        itemStyle: kpi.provisional ? {opacity: PROVISIONAL_OPACITY} : undefined
                    })),
                    itemStyle: {color: UP, color0: DOWN, borderColor: UP, borderColor0: DOWN},
                    markPoint: {symbol: 'diamond', symbolSize: 14, itemStyle: {color: '#7b3fe4'}, label: {show: false},
                        data: marks},
                    markLine: {
                        symbol: 'none',
                        data: [
                            {name: 'max', type: 'max', valueDim: 'highest'},
                            {name: 'min', type: 'min', valueDim: 'lowest'}
                        ],
                        label: {position: 'insideEndTop', formatter: '{b} {c}'}
                    }
                },
                {name: 'avg', type: 'line', showSymbol: false, data: kpis.map(kpi => kpi.avg)},
                {name: 'ma_15m', type: 'line', showSymbol: false, connectNulls: true, data: kpis.map(kpi => kpi.ma_15m)},
                {name: 'ma_1h', type: 'line', showSymbol: false, connectNulls: true, data: kpis.map(kpi => kpi.ma_1h)},
                {
                    name: 'volume', type: 'bar', xAxisIndex: 1, yAxisIndex: 1,
                    data: kpis.map(kpi => ({
                        value: kpi.volume,
                        itemStyle: {
                            color: kpi.close >= kpi.open ? UP : DOWN,
                            opacity: kpi.provisional ? PROVISIONAL_OPACITY : 1
                        }
                    }))
                }
            ]
        }, {replaceMerge: ['series', 'xAxis']});
        chartElement.dataset.candles = String(kpis.length);
        chartElement.dataset.alertMarks = String(marks.length);
        chartElement.dataset.lastClose = kpis.length ? String(kpis[kpis.length - 1].close) : '';
        chartElement.dataset.lastProvisional = kpis.length ? String(kpis[kpis.length - 1].provisional === true) : '';
    }

    /** A mark above each shown candle of the selected symbol in which one of its alerts fired. */
    function alertMarks(kpis) {
        const size = WINDOW_MS[state.window];
        const index = new Map(kpis.map((kpi, i) => [Date.parse(kpi.window_start), i]));
        return state.alerts.filter(alert => alert.symbol === state.symbol).flatMap(alert => {
            const i = index.get(Math.floor(Date.parse(alert.event_time) / size) * size);
            return i === undefined ? [] : [{coord: [i, kpis[i].high], name: alert.kind, value: alert.message}];
        });
    }

    // ---- alerts ------------------------------------------------------------------------------------

    const alertsBody = document.querySelector('#alerts tbody');
    const alertsMessage = document.getElementById('alerts-message');

    async function loadAlerts() {
        let alerts;
        try {
            alerts = await getJson('/api/alerts');
        } catch (e) {
            alertsMessage.textContent = e.status === 404 ? 'Alerts are off on this instance.'
                : 'Alerts unavailable: ' + e.message;
            return;
        }
        // the log holds committed alerts only: keep the provisional ones still waiting for their confirmation
        state.alerts = state.alerts.filter(alert => alert.provisional);
        alerts.forEach(alert => addAlert(alert, false, false));
        renderAlerts();
    }

    /** What identifies an alert, whichever copy of it (provisional or confirmed) arrives. */
    function alertKey(alert) {
        return alert.rule_id + '|' + alert.symbol + '|' + alert.event_time + '|' + alert.kind;
    }

    /**
     * Lists an alert, or confirms one listed. A provisional alert (pushed before its transaction committed) is
     * shown dimmed; its confirmed copy (same rule_id, symbol, event_time and kind, read committed) replaces it in
     * place, so an alert is never listed twice, and a confirmed alert never goes back to provisional. A
     * provisional alert whose transaction aborted gets no confirmed copy of its own (a replay that fires again
     * commits an alert of the same identity, which then confirms it): unconfirmed after PROVISIONAL_ALERT_MS it
     * is removed, so an aborted alert is never shown as confirmed.
     */
    function addAlert(alert, live, provisional) {
        alert.provisional = provisional;
        const known = state.alerts.find(shown => alertKey(shown) === alertKey(alert));
        if (known) {
            if (known.provisional && !provisional) {
                clearTimeout(known.expiry);
                delete known.expiry;
                Object.assign(known, alert);   // the committed copy's values are the final ones
                if (live) {
                    renderAlerts();
                }
            }
            return;
        }
        if (provisional) {
            alert.expiry = setTimeout(() => expireAlert(alert), PROVISIONAL_ALERT_MS);
        }
        state.alerts.unshift(alert);
        state.alerts.sort((a, b) => b.event_time.localeCompare(a.event_time));
        state.alerts.length = Math.min(state.alerts.length, MAX_ALERTS);
        if (live) {
            if (!rulesBody.querySelector('tr[data-rule="' + CSS.escape(alert.rule_id) + '"]')) {
                loadRules();   // a rule made elsewhere since the list was read
            }
            renderAlerts(alert);
            if (alert.symbol === state.symbol) {
                scheduleRender();
            }
        }
    }

    function expireAlert(alert) {
        const index = state.alerts.indexOf(alert);
        if (index >= 0 && alert.provisional) {
            state.alerts.splice(index, 1);
            renderAlerts();
        }
    }

    function renderAlerts(fresh) {
        alertsMessage.textContent = state.alerts.length ? '' : 'No alert in the last 24 hours.';
        alertsBody.innerHTML = '';
        state.alerts.forEach(alert => {
            const row = alertsBody.insertRow();
            row.dataset.rule = alert.rule_id;
            row.dataset.symbol = alert.symbol;
            row.dataset.provisional = String(alert.provisional);
            row.classList.toggle('fresh', alert === fresh);
            row.classList.toggle('provisional', alert.provisional);
            row.title = alert.provisional ? 'provisional: not committed yet' : '';
            [alert.event_time.substring(11, 19), alert.symbol, alert.kind, alert.message]
                .forEach(text => row.insertCell().textContent = text);
            row.addEventListener('click', () => selectSymbol(alert.symbol));
        });
        scheduleRender();
    }

    // ---- alert rules -------------------------------------------------------------------------------

    const rulesBody = document.querySelector('#rules tbody');
    const ruleForm = document.getElementById('rule-form');
    const ruleMessage = document.getElementById('rule-message');

    async function loadRules() {
        let rules;
        try {
            rules = await getJson('/api/alert-rules');
        } catch (e) {
            ruleMessage.textContent = 'Rules unavailable: ' + e.message;
            return;
        }
        rulesBody.innerHTML = '';
        rules.forEach(rule => {
            const row = rulesBody.insertRow();
            row.dataset.rule = rule.rule_id;
            const condition = ['direction', 'level', 'window', 'k', 'lookback_windows', 'stale_seconds']
                .filter(field => rule[field] != null).map(field => field + ' ' + rule[field])
                .concat('cool-down ' + rule.cooldown_ms + ' ms', rule.enabled ? [] : ['disabled']).join(', ');
            [rule.rule_id.substring(0, 12), rule.symbol, rule.kind, condition]
                .forEach(text => row.insertCell().textContent = text);
            const remove = document.createElement('button');
            remove.textContent = 'delete';
            remove.addEventListener('click', () => changeRule('DELETE', '/api/alert-rules/' + encodeURIComponent(rule.rule_id)));
            row.insertCell().appendChild(remove);
        });
    }

    /** Writes a rule; the API's refusal (a field the contract refuses, a missing admin role) is shown as said. */
    async function changeRule(method, url, body) {
        const response = await fetch(url, {method: method, headers: {'Content-Type': 'application/json'},
            body: body === undefined ? undefined : JSON.stringify(body)});
        if (response.ok) {
            ruleMessage.textContent = method === 'DELETE' ? 'Deleted.' : 'Added.';
            // the rules' store follows the write within moments
            setTimeout(loadRules, 500);
            return;
        }
        const error = await response.json().catch(() => ({}));
        ruleMessage.textContent = response.status === 403 ? 'Changing rules needs the admin role.'
            : (error.parameter ? error.parameter + ': ' : '') + (error.error || error.message || response.statusText);
    }

    ruleForm.addEventListener('submit', event => {
        event.preventDefault();
        const rule = {};
        new FormData(ruleForm).forEach((value, field) => {
            if (value !== '') {
                rule[field] = ['level', 'k'].includes(field) ? parseFloat(value)
                    : ['lookback_windows', 'stale_seconds', 'cooldown_ms'].includes(field) ? parseInt(value, 10) : value;
            }
        });
        changeRule('POST', '/api/alert-rules', rule).catch(e => ruleMessage.textContent = e.message);
    });

    const RULES_REFRESH_MS = 30 * 1000;   // rules change rarely, and not only from this page
    loadRules();
    setInterval(loadRules, RULES_REFRESH_MS);

    // ---- history (analytics models) ----------------------------------------------------------------

    async function loadHistory(symbol) {
        const message = document.getElementById('history-message');
        const body = document.querySelector('#history tbody');
        let days;
        try {
            days = await getJson('/api/history/daily/' + encodeURIComponent(symbol) + '?from=' + historyFrom.value
                + '&to=' + nextDay(historyTo.value));
        } catch (e) {
            message.textContent = e.status === 404 ? 'No analytics models for ' + symbol + ' yet.'
                : 'History unavailable: ' + e.message;
            body.innerHTML = '';
            toggleChart(historyChart, false);
            return;
        }
        if (symbol !== state.symbol) {
            return;
        }
        message.textContent = days.length ? '' : 'No daily summary for ' + symbol + ' from ' + historyFrom.value
            + ' to ' + historyTo.value + '.';
        toggleChart(historyChart, days.length > 0);
        body.innerHTML = '';
        const today = utcDay(Date.now());
        days.slice().reverse().forEach(day => {
            const row = body.insertRow();
            // today's summary grows until the day ends (and late ticks may still change it)
            row.classList.toggle('partial', day.day >= today);
            row.title = day.day >= today ? 'partial: the UTC day is still in progress' : '';
            [day.day, price(day.open), price(day.high), price(day.low), price(day.close),
                day.change_pct == null ? '–' : day.change_pct.toFixed(2) + '%', price(day.vwap),
                day.volume.toLocaleString('en-US')].forEach((text, i) => {
                const cell = row.insertCell();
                cell.textContent = text;
                if (i > 0) {
                    cell.className = 'num';
                }
            });
        });
        historyChart.setOption({
            animation: false,
            tooltip: {trigger: 'axis'},
            grid: {left: 64, right: 24, top: 20, bottom: 30},
            xAxis: {type: 'category', data: days.map(day => day.day)},
            yAxis: {scale: true},
            series: [{
                name: symbol, type: 'candlestick', data: days.map(d => ({
                    value: [d.open, d.close, d.low, d.high],
                    itemStyle: d.day >= today ? {opacity: PROVISIONAL_OPACITY} : undefined
                })),
                itemStyle: {color: UP, color0: DOWN, borderColor: UP, borderColor0: DOWN}
            }]
        }, true);
    }

    /** An empty chart takes no room; one shown again takes its size anew. */
    function toggleChart(instance, shown) {
        instance.getDom().classList.toggle('empty', !shown);
        if (shown) {
            instance.resize();
        } else {
            instance.clear();
        }
    }

    function utcDay(millis) {
        return new Date(millis).toISOString().substring(0, 10);
    }

    function nextDay(day) {
        return utcDay(Date.parse(day + 'T00:00:00Z') + DAY_MS);
    }

    historyTo.value = utcDay(Date.now());
    historyFrom.value = utcDay(Date.now() - (HISTORY_DAYS - 1) * DAY_MS);
    [historyFrom, historyTo].forEach(input => input.addEventListener('change', () => {
        if (state.symbol && historyFrom.value && historyTo.value) {
            loadHistory(state.symbol);
        }
    }));

    // ---- data quality (analytics model data_quality_hourly) ------------------------------------------

    const QUALITY_REFRESH_MS = 5 * 60 * 1000;   // the model changes once an hour is compacted

    /** A heat map of symbols × hours of the last day, coloured by the selected metric. */
    async function loadQuality() {
        const message = document.getElementById('quality-message');
        let rows;
        try {
            rows = await getJson('/api/quality');
        } catch (e) {
            message.textContent = e.status === 404 ? 'No data-quality model yet.' : 'Data quality unavailable: ' + e.message;
            toggleChart(qualityChart, false);
            qualityChart.getDom().dataset.cells = '0';
            return;
        }
        message.textContent = rows.length ? '' : 'No ticks landed in the last 24 hours.';
        toggleChart(qualityChart, rows.length > 0);
        const metric = qualityMetric.value;
        const hours = [...new Set(rows.map(r => r.hour_start))].sort();
        const symbols = [...new Set(rows.map(r => r.symbol))].sort();
        const values = rows.map(r => [hours.indexOf(r.hour_start), symbols.indexOf(r.symbol), r[metric]]);
        const max = Math.max(metric === 'latency_p99_ms' ? 1 : 0.01, ...values.map(v => v[2]));
        qualityChart.setOption({
            animation: false,
            tooltip: {
                formatter: p => {
                    const r = rows[p.dataIndex];
                    return r.symbol + ' ' + r.hour_start.slice(0, 13) + ':00Z<br>landed ' + r.ticks_landed
                        + ', duplicates ' + r.duplicates + ', gaps ' + r.sequence_gaps + ', out of order '
                        + r.out_of_order_ticks + ', late ' + r.late_ticks + ', invalid ' + (r.invalid_ticks ?? '–')
                        + '<br>latency p50/p99 ' + (r.latency_p50_ms == null ? '– (no landed ticks)'
                            : r.latency_p50_ms.toFixed(0) + ' / ' + r.latency_p99_ms.toFixed(0) + ' ms');
                }
            },
            grid: {left: 80, right: 24, top: 10, bottom: 60},
            xAxis: {type: 'category', data: hours.map(h => h.slice(11, 13) + 'h'), splitArea: {show: true}},
            yAxis: {type: 'category', data: symbols, splitArea: {show: true}},
            visualMap: {dimension: 2, min: 0, max: max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
                inRange: {color: ['#f4fbf6', '#f5c451', '#b3261e']}},
            series: [{type: 'heatmap', data: values, label: {show: false}}]
        }, true);
        qualityChart.getDom().dataset.cells = String(values.length);   // for tests: cells drawn
    }

    qualityMetric.addEventListener('change', loadQuality);
    loadQuality();
    setInterval(loadQuality, QUALITY_REFRESH_MS);

    // ---- status -----------------------------------------------------------------------------------

    /** live: the WebSocket is open and the API answers; otherwise what is missing. */
    function refreshStatus() {
        const open = state.socket && state.socket.readyState === WebSocket.OPEN;
        if (!open) {
            setStatus('down', 'disconnected, reconnecting…');
        } else if (!state.streamsReady) {
            setStatus('connecting', 'streams not ready, retrying…');
        } else {
            setStatus('live', 'live');
        }
    }

    function setStatus(kind, text) {
        statusElement.className = 'status ' + kind;
        statusElement.dataset.state = kind;
        statusElement.textContent = text;
    }

    select.addEventListener('change', () => selectSymbol(select.value));
    windowSelect.addEventListener('change', () => state.symbol && showChart(state.symbol, windowSelect.value));
    windowSelect.value = state.window;
    if (WANTED_SYMBOL) {
        // selected before any frame or snapshot can pick another one
        showChart(WANTED_SYMBOL, state.window).catch(e => console.error(e));
    }
    connect();
})();
