"""The benchmark's floor page (`streamlit run dashboard/bench_floor.py`): the least a page
with `?charts=N&tables=M` costs to draw in a browser, each chart ten points of a line and
each table ten rows, so that a page of the app is compared with the same number of drawn
elements (shared/benchmark.md)."""
import pandas as pd
import streamlit as st

st.set_page_config(page_title="Floor", layout="wide")
st.title("Floor")
points = pd.DataFrame({"x": range(10), "y": [3, 1, 4, 1, 5, 9, 2, 6, 5, 3]})
for _ in range(int(st.query_params.get("charts", 0))):
    st.vega_lite_chart(points, {"mark": {"type": "line", "point": True},
                                "encoding": {"x": {"field": "x", "type": "quantitative"},
                                             "y": {"field": "y", "type": "quantitative"}}},
                       width="stretch")
for _ in range(int(st.query_params.get("tables", 0))):
    st.dataframe(points, hide_index=True, width="stretch")
