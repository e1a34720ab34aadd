"""Helpers shared by the TickLake DAGs: settings (Airflow Variables, environment, defaults) and hour math.

Kept free of Airflow imports so they load fast and are tested on their own."""
