"""Where border cities are, for the map's markers: city centers, never a service's own coordinates.

A marker stands for a city, so it is placed at the city's center from this list (approximate
public coordinates, to two decimals). A city missing here is placed at the mean of the
coordinates of its services whose location is *not* confidential; when it has none, it is left
off the drawing and listed only in the map's text alternative. So a confidential shelter never
moves a marker.
"""

CITY_CENTERS = {
    ("US-CA", "San Diego"): (32.72, -117.16),
    ("US-CA", "Chula Vista"): (32.64, -117.08),
    ("US-CA", "San Ysidro"): (32.56, -117.04),
    ("US-CA", "Calexico"): (32.68, -115.50),
    ("US-CA", "El Centro"): (32.79, -115.56),
    ("US-AZ", "Yuma"): (32.69, -114.63),
    ("US-AZ", "Tucson"): (32.22, -110.97),
    ("US-AZ", "Nogales"): (31.34, -110.93),
    ("US-AZ", "Douglas"): (31.34, -109.55),
    ("US-AZ", "Phoenix"): (33.45, -112.07),
    ("US-AZ", "Ajo"): (32.37, -112.86),
    ("US-NM", "Las Cruces"): (32.32, -106.76),
    ("US-NM", "Albuquerque"): (35.08, -106.65),
    ("US-NM", "Sunland Park"): (31.80, -106.58),
    ("US-NM", "Deming"): (32.27, -107.76),
    ("US-TX", "El Paso"): (31.76, -106.49),
    ("US-TX", "Del Rio"): (29.36, -100.90),
    ("US-TX", "Eagle Pass"): (28.71, -100.50),
    ("US-TX", "Laredo"): (27.51, -99.51),
    ("US-TX", "McAllen"): (26.20, -98.23),
    ("US-TX", "Brownsville"): (25.90, -97.50),
    ("US-TX", "San Antonio"): (29.42, -98.49),
    ("US-TX", "Harlingen"): (26.19, -97.70),
    ("MX-BCN", "Tijuana"): (32.51, -117.04),
    ("MX-BCN", "Mexicali"): (32.62, -115.45),
    ("MX-BCN", "Tecate"): (32.57, -116.63),
    ("MX-BCN", "Ensenada"): (31.87, -116.60),
    ("MX-SON", "Nogales"): (31.31, -110.94),
    ("MX-SON", "Agua Prieta"): (31.33, -109.55),
    ("MX-SON", "San Luis Río Colorado"): (32.46, -114.77),
    ("MX-SON", "Hermosillo"): (29.07, -110.96),
    ("MX-SON", "Altar"): (30.71, -111.84),
    ("MX-SON", "Sásabe"): (31.48, -111.54),
    ("MX-CHH", "Ciudad Juárez"): (31.69, -106.42),
    ("MX-CHH", "Chihuahua"): (28.64, -106.09),
    ("MX-CHH", "Ojinaga"): (29.56, -104.42),
    ("MX-COA", "Piedras Negras"): (28.70, -100.52),
    ("MX-COA", "Ciudad Acuña"): (29.32, -100.93),
    ("MX-COA", "Saltillo"): (25.42, -101.00),
    ("MX-NLE", "Monterrey"): (25.69, -100.32),
    ("MX-TAM", "Nuevo Laredo"): (27.48, -99.52),
    ("MX-TAM", "Reynosa"): (26.08, -98.29),
    ("MX-TAM", "Matamoros"): (25.87, -97.50),
}
